"use client";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
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

function Title({ item }: { item: TriageItemView }) {
  return (
    <div className="min-w-[12rem]">
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
    </div>
  );
}

const PRIORITY_RANK: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** The queue in the shared table: sortable, filterable beyond 15 rows, cards on phones, with optional selection. */
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
  const columns: Column<TriageItemView>[] = [
    {
      key: "priority",
      header: "Priority",
      cell: (item) => <PriorityBadge priority={item.priority} />,
      sortValue: (item) => PRIORITY_RANK[item.priority ?? ""] ?? 9,
      filterText: (item) => item.priority ?? "untriaged",
    },
    {
      key: "title",
      header: "Title and labels",
      cell: (item) => <Title item={item} />,
      sortValue: (item) => item.title.toLowerCase(),
      filterText: (item) => `${item.title} ${item.repoKey}#${item.number} ${item.labels.join(" ")}`,
      hideOnCard: true,
    },
    {
      key: "age",
      header: "Age",
      cell: (item) => <span className="whitespace-nowrap">{formatAge(item.createdAt, now)}</span>,
      sortValue: (item) => item.createdAt,
    },
    {
      key: "left",
      header: "Time left",
      cell: (item) => (
        <span className="whitespace-nowrap">
          <TimeLeft item={item} tab={tab} now={now} />
        </span>
      ),
      sortValue: (item) => item.secondsLeft,
    },
    {
      key: "activity",
      header: "Last human activity",
      cell: (item) => <span className="whitespace-nowrap">{formatAge(item.lastHumanActivityAt, now)} ago</span>,
      sortValue: (item) => item.lastHumanActivityAt,
      showFrom: "lg",
    },
    {
      key: "assignees",
      header: "Assignees",
      cell: (item) => (item.assignees.length ? item.assignees.join(", ") : <span className="text-neutral-500">—</span>),
      filterText: (item) => item.assignees.join(" "),
      showFrom: "xl",
    },
  ];
  if (selection)
    columns.unshift({
      key: "select",
      header: "Select",
      headerCell: (
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={!!allSelected} onChange={() => selection.toggleAll(pickable)} />
          <span className="md:sr-only">Select all shown</span>
        </label>
      ),
      cell: (item) =>
        canPick(item.id) && (
          <input
            type="checkbox"
            aria-label={`Select ${item.repoKey}#${item.number}`}
            checked={selection.selected.has(item.id)}
            onChange={() => selection.toggle(item.id)}
          />
        ),
    });
  return (
    <DataTable
      rows={items}
      columns={columns}
      rowKey={(item) => item.id}
      caption="Triage queue"
      cardTitle={(item) => <Title item={item} />}
      rowAttributes={(item) => ({ "data-testid": `triage-row-${item.repoKey}#${item.number}` })}
      empty={<p className="text-sm text-neutral-600 dark:text-neutral-400">Nothing in this queue.</p>}
    />
  );
}
