"use client";
import { Badge } from "@/components/ui/badge";
import { ExternalLink } from "@/components/repositories/external-link";
import type { TriageTab } from "@/lib/triage/schemas";
import type { TriageItemView } from "@/lib/triage/view";
import { formatAge, formatDuration } from "./format";
import { PriorityBadge, StaleBadge, StateBadge } from "./state-badge";

export type Selection = {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  toggleAll: (ids: string[]) => void;
};

function TimeLeft({ item, tab, now }: { item: TriageItemView; tab: TriageTab; now: number }) {
  if (tab === "review" && item.reviewWaitingSince)
    return <span>waiting {formatAge(item.reviewWaitingSince, now)}</span>;
  const what = item.clock === "triage" ? "to triage" : "to respond";
  if (item.secondsLeft === null) {
    const took = item.responseSeconds === null ? "" : ` in ${formatDuration(item.responseSeconds)}`;
    return (
      <span>
        {item.clock === "triage" ? "triaged" : "responded"}
        {took}
      </span>
    );
  }
  if (item.secondsLeft < 0)
    return (
      <span className="font-medium text-red-800 dark:text-red-300">overdue by {formatDuration(item.secondsLeft)}</span>
    );
  return (
    <span>
      {formatDuration(item.secondsLeft)} left {what}
    </span>
  );
}

export function QueueTable({
  items,
  tab,
  now,
  selection,
  selectable,
}: {
  items: TriageItemView[];
  tab: TriageTab;
  now: number;
  selection?: Selection;
  selectable?: ReadonlySet<string>;
}) {
  const canPick = (id: string) => !selectable || selectable.has(id);
  const pickable = items.filter((i) => canPick(i.id)).map((i) => i.id);
  const allSelected = selection && pickable.length > 0 && pickable.every((id) => selection.selected.has(id));
  return (
    <div
      className="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
      tabIndex={0}
      role="region"
      aria-label="Table (scrolls sideways)"
    >
      <table className="w-full text-left text-sm">
        <thead className="bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600 dark:bg-neutral-900 dark:text-neutral-400">
          <tr>
            {selection && (
              <th scope="col" className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all shown"
                  checked={!!allSelected}
                  onChange={() => selection.toggleAll(pickable)}
                />
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              Priority
            </th>
            <th scope="col" className="px-3 py-2">
              Title and labels
            </th>
            <th scope="col" className="hidden px-3 py-2 sm:table-cell">
              Age
            </th>
            <th scope="col" className="px-3 py-2">
              Time left
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Last human activity
            </th>
            <th scope="col" className="hidden px-3 py-2 lg:table-cell">
              Assignees
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {items.map((item) => (
            <tr key={item.id} data-testid={`triage-row-${item.repoKey}#${item.number}`} className="align-top">
              {selection && (
                <td className="px-3 py-2">
                  {canPick(item.id) && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${item.repoKey}#${item.number}`}
                      checked={selection.selected.has(item.id)}
                      onChange={() => selection.toggle(item.id)}
                    />
                  )}
                </td>
              )}
              <td className="px-3 py-2">
                <PriorityBadge priority={item.priority} />
              </td>
              <td className="min-w-[12rem] px-3 py-2">
                {item.url ? (
                  <ExternalLink href={item.url} className="font-medium">
                    {item.title}
                  </ExternalLink>
                ) : (
                  <span className="font-medium" title="Demo data: no link to GitHub">
                    {item.title}
                  </span>
                )}
                <div className="mt-0.5 text-xs text-neutral-500 dark:text-neutral-400">
                  {item.repoKey}#{item.number} · {item.kind === "pull_request" ? "pull request" : "issue"}
                </div>
                <div className="mt-1 flex flex-wrap gap-1">
                  <StateBadge state={item.state} />
                  <StaleBadge stale={item.stale} />
                  {item.labels.map((l) => (
                    <Badge key={l}>{l}</Badge>
                  ))}
                </div>
              </td>
              <td className="hidden whitespace-nowrap px-3 py-2 sm:table-cell">{formatAge(item.createdAt, now)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <TimeLeft item={item} tab={tab} now={now} />
              </td>
              <td className="hidden whitespace-nowrap px-3 py-2 md:table-cell">
                {formatAge(item.lastHumanActivityAt, now)} ago
              </td>
              <td className="hidden px-3 py-2 lg:table-cell">
                {item.assignees.length ? item.assignees.join(", ") : <span className="text-neutral-500">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
