import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ProcedureKind, TickedStep } from "@/lib/releases/procedures";
import { ReleaseRuns, type ReleaseRunLink } from "@/components/runbooks/release-runs";

export function ProcedureCard({
  repo,
  procedure,
  runs = [],
  canAct = false,
}: {
  repo: string;
  procedure: { kind: ProcedureKind; version: string; steps: TickedStep[] } | null;
  runs?: ReleaseRunLink[];
  canAct?: boolean;
}) {
  return (
    <Card title="Release procedure">
      <form method="get" action="/releases" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="repo" value={repo} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Type</span>
          <select
            name="kind"
            defaultValue={procedure?.kind ?? "patch"}
            className="rounded border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900"
          >
            <option value="patch">Patch</option>
            <option value="minor">Minor</option>
            <option value="major">Major</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Version</span>
          <input
            name="version"
            defaultValue={procedure?.version ?? ""}
            placeholder="v1.2.3"
            required
            pattern="[\w.+\-]+"
            className="w-32 rounded border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900"
          />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Show steps
        </button>
      </form>
      {procedure && (
        <ol className="mt-4 space-y-1.5 text-sm" data-testid="procedure-steps">
          {procedure.steps.map((s, i) => (
            <li key={i} className="flex gap-2">
              <span
                className={`w-14 shrink-0 text-xs font-medium ${s.done ? "text-green-700 dark:text-green-400" : "text-neutral-500"}`}
              >
                {s.done === true ? "✓ done" : s.done === false ? "○ not yet" : ""}
              </span>
              <span>
                {i + 1}. {s.text}
                {s.evidence && (
                  <span
                    className={`block text-xs ${s.done ? "text-green-700 dark:text-green-400" : "text-neutral-500"}`}
                  >
                    {s.evidence}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {procedure && <ReleaseRuns repo={repo} version={procedure.version} runs={runs} canAct={canAct} />}
      <p className="mt-3 text-xs text-neutral-500 dark:text-neutral-400">
        Steps from the maintenance runbook’s release procedures (patch, minor, major). Ticked from synced data: the tag
        exists, a GitHub release for it is published (not a draft), CI passed on the tagged commit. The other steps are
        yours to check.
      </p>
    </Card>
  );
}
