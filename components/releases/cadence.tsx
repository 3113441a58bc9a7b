import { Card } from "@/components/ui/card";
import type { CadenceLine } from "@/lib/releases/cadence";

const STATE: Record<string, string> = {
  as_needed: "",
  within: "within target",
  due: "due now",
  overdue: "overdue",
  none: "none yet",
};
const TONE: Record<string, string> = {
  overdue: "text-red-700 dark:text-red-400",
  due: "text-amber-700 dark:text-amber-400",
};

export function CadenceCard({ lines }: { lines: CadenceLine[] }) {
  return (
    <Card title="Cadence vs targets">
      <ul className="space-y-2 text-sm" data-testid="cadence">
        {lines.map((l) => (
          <li key={l.cls}>
            <span>{l.text.charAt(0).toUpperCase() + l.text.slice(1)}</span>
            {STATE[l.state] && <span className={`ml-2 font-medium ${TONE[l.state] ?? ""}`}>({STATE[l.state]})</span>}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-neutral-500 dark:text-neutral-400">
        Targets from the O&amp;M summary: patches as needed, minor every 3–6 months, major yearly
        (STEWARD_RELEASE_CADENCE changes them). A major release also counts for the minor cadence. Due: inside the
        target window; overdue: past its end. Pre-releases do not count.
      </p>
    </Card>
  );
}
