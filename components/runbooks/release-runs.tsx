import { LinkedRunButton } from "./linked-run-button";

export type ReleaseRunLink = { id: string; version: string; label: string | null; state: string };

/** On the Releases page: the saved checklist run of this version (start or open it) and the repository's other runs. */
export function ReleaseRuns({
  repo,
  version,
  runs,
  canAct,
}: {
  repo: string;
  version: string;
  runs: ReleaseRunLink[];
  canAct: boolean;
}) {
  return (
    <div className="mt-4 space-y-2 border-t border-neutral-200 pt-3 text-sm dark:border-neutral-800">
      <LinkedRunButton
        target={{ from: "release", repo, version }}
        canAct={canAct}
        label={`Open the checklist run for ${version}`}
      />
      {runs.length > 0 && (
        <ul className="space-y-1 text-xs" data-testid="release-runs">
          {runs.map((r) => (
            <li key={r.id}>
              <a className="underline" href={`/today#run-${r.id}`}>
                {r.label ?? r.version}
              </a>{" "}
              <span className="text-neutral-500">· {r.state}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
