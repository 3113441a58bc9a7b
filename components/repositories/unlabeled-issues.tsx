import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import type { RepositoryOverview } from "@/lib/github/overview/repository-overview";
import { Card } from "@/components/ui/card";

import { Author } from "./author";
import { ExternalLink } from "./external-link";
import { Figure } from "./figure";
import { Time } from "@/components/ui/time";

const th = "py-2 pr-4 font-medium";

/** The count, and the newest unlabeled issues, each linking to GitHub only. */
export function UnlabeledIssuesCard({ unlabeled }: { unlabeled: RepositoryOverview["unlabeled"] }) {
  const shown = unlabeled.newest.length;
  return (
    <Card title="Unlabeled issues">
      <Figure
        value={unlabeled.count}
        label={unlabeled.count === 1 ? "open issue without a label" : "open issues without a label"}
        definition={DEF.unlabeledIssues}
        testId="unlabeled-issues-count"
      />
      {shown === 0 ? (
        <p className="mt-4 text-sm text-neutral-600 dark:text-neutral-400">Every open issue has a label.</p>
      ) : (
        <div className="relative mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">The {shown} newest open issues without a label</caption>
            <thead className="text-xs text-neutral-500 dark:text-neutral-400">
              <tr>
                <th scope="col" className={th}>
                  Issue
                </th>
                <th scope="col" className={th}>
                  Title
                </th>
                <th scope="col" className={th}>
                  Author
                </th>
                <th scope="col" className="py-2 font-medium">
                  Opened
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
              {unlabeled.newest.map((issue) => (
                <tr key={issue.number} className="align-top">
                  <td className="whitespace-nowrap py-2 pr-4 tabular-nums">#{issue.number}</td>
                  <td className="py-2 pr-4 break-words">
                    <ExternalLink href={issue.url}>{issue.title}</ExternalLink>
                  </td>
                  <td className="py-2 pr-4">
                    <Author login={issue.authorLogin} type={issue.authorType} />
                  </td>
                  <td className="whitespace-nowrap py-2">
                    <Time value={issue.createdAt} mode="absolute" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
