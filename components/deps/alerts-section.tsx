import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Definition } from "@/components/repositories/figure";
import { SeverityBadge } from "@/components/repositories/status-badges";
import { toSeverity } from "@/lib/github/overview/counts";
import type { AlertHistory, OpenAlert } from "@/lib/deps/alerts";
import { DEPS_DEFINITIONS as DEF } from "@/lib/deps/definitions";
import { SlaBadge } from "./badges";
import { formatDay, formatSeconds } from "./format";
import { ScrollTable, td } from "./table";

export function AlertsSection({
  alerts,
  history,
  repoKey,
}: {
  alerts: OpenAlert[];
  history: AlertHistory;
  repoKey: (id: string) => string;
}) {
  return (
    <Card title={`Security alerts (${alerts.length} open)`}>
      {alerts.length === 0 ? (
        <EmptyState title="No open security alerts">
          Dependabot has no open alert for these repositories. If you expected some, check that the GitHub token may
          read Dependabot alerts (Settings → Repositories).
        </EmptyState>
      ) : (
        <ScrollTable
          caption="Open security alerts, breached first"
          head={["Package", "Severity", "Affected", "Fixed in", "Age", "Target", "State"]}
          testId="alerts-table"
        >
          {alerts.map((a) => (
            <tr key={`${a.repoId}-${a.number}`} data-testid="alert-row">
              <td className={td}>
                <span className="font-medium">{a.packageName ?? "unknown package"}</span>
                <span className="block text-xs text-neutral-500">
                  {repoKey(a.repoId)} · #{a.number} · {a.manifestPath}
                </span>
                {a.summary && (
                  <span className="block text-xs">
                    {a.advisoryUrl ? (
                      <a className="underline" href={a.advisoryUrl} rel="noreferrer">
                        {a.summary}
                      </a>
                    ) : (
                      a.summary
                    )}
                  </span>
                )}
              </td>
              <td className={td}>
                <SeverityBadge severity={toSeverity(a.severity)} />
              </td>
              <td className={td}>{a.vulnerableRange ?? "—"}</td>
              <td className={td}>{a.patchedVersion ?? "no fix yet"}</td>
              <td className={td}>{formatSeconds(a.ageSeconds)}</td>
              <td className={td}>{formatSeconds(a.targetSeconds)}</td>
              <td className={td}>
                <SlaBadge sla={a.sla} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Definition>{DEF.sla}</Definition>
      <h3 className="mt-6 text-sm font-semibold">Fixed and dismissed</h3>
      <p className="mt-1 text-sm" data-testid="mean-time-to-fix">
        Mean time to fix:{" "}
        <strong>
          {history.meanSecondsToFix === null ? "no fixed alerts yet" : formatSeconds(history.meanSecondsToFix)}
        </strong>{" "}
        over {history.fixedCount} fixed alert{history.fixedCount === 1 ? "" : "s"}.
      </p>
      <Definition>{DEF.meanTimeToFix}</Definition>
      {history.closed.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {history.closed.map((a) => (
            <li key={`${a.repoId}-${a.number}`}>
              {formatDay(a.closedAt)} — <span className="font-medium">{a.packageName ?? "unknown"}</span> (
              {a.severity?.toLowerCase() ?? "no severity"}){" "}
              {a.state === "FIXED"
                ? "fixed"
                : a.state === "AUTO_DISMISSED"
                  ? "auto-dismissed"
                  : `dismissed${a.dismissReason ? `: ${a.dismissReason}` : ""}`}{" "}
              after {formatSeconds(a.secondsToClose)} · {repoKey(a.repoId)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
