import type { ItemLink } from "@/lib/github/overview/lists";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { ExternalLink } from "./external-link";

const muted = "text-neutral-600 dark:text-neutral-400";

function ItemList({ items, since, empty }: { items: ItemLink[]; since: string; empty: string }) {
  if (items.length === 0) return <p className={`text-sm ${muted}`}>{empty}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {items.map((item) => (
        <li key={item.number} className="min-w-0">
          <ExternalLink href={item.url} className="break-words">
            <span className="tabular-nums">#{item.number}</span> {item.title}
          </ExternalLink>
          <p className={`text-xs ${muted}`}>
            {item.authorLogin ?? "ghost"} · {since} <Time value={item.since} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Open pull requests without a review decision, longest waiting first, each linking to GitHub. */
export function AwaitingReviewCard({ awaiting }: { awaiting: { count: number; items: ItemLink[] } }) {
  return (
    <Card title={`Waiting for review (${awaiting.count})`}>
      <p className={`mb-3 text-xs ${muted}`}>
        Open, non-draft pull requests with no approving or change-requesting review yet; waiting since ready for review
        (or opened). Longest wait first.
      </p>
      <ItemList items={awaiting.items} since="waiting since" empty="No pull request is waiting for a review." />
    </Card>
  );
}

/** The newest open issues, each linking to GitHub. */
export function NewestIssuesCard({ issues }: { issues: ItemLink[] }) {
  return (
    <Card title="Newest issues">
      <ItemList items={issues} since="opened" empty="No open issues." />
    </Card>
  );
}
