import { SEVERITIES, type AlertCounts } from "@/lib/github/overview/counts";
import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import { Card } from "@/components/ui/card";
import { Figure } from "./figure";
import { SeverityBadge } from "./status-badges";

export function AlertsCard({ alerts }: { alerts: AlertCounts }) {
  return (
    <Card title="Security alerts">
      <Figure
        value={alerts.open}
        label={alerts.open === 1 ? "open alert" : "open alerts"}
        definition={DEF.securityAlerts}
        testId="open-alerts-count"
      />
      <table className="mt-4 w-full max-w-xs text-left text-sm">
        <caption className="sr-only">Open security alerts by severity</caption>
        <thead className="text-xs text-neutral-500 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Severity
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Open
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {SEVERITIES.map((s) => (
            <tr key={s}>
              <th scope="row" className="py-1 pr-4 font-normal">
                <SeverityBadge severity={s} />
              </th>
              <td className="py-1 text-right tabular-nums">{alerts.bySeverity[s]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
