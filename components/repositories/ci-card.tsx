import type { CiCheck, DefaultBranchCi } from "@/lib/github/overview/ci";
import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import { Card } from "@/components/ui/card";

import { ExternalLink } from "./external-link";
import { Definition } from "./figure";
import { CiBadge } from "./status-badges";
import { Time } from "@/components/ui/time";

const SOURCE = {
  checks: (n: number) => `${n} ${n === 1 ? "check" : "checks"} on this commit.`,
  rollup: () => "No individual checks stored; GitHub's rollup state for the commit.",
  none: () => "No checks reported for this commit.",
} as const;

function CheckList({ title, checks, href }: { title: string; checks: CiCheck[]; href: string | null }) {
  if (checks.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="text-sm font-medium">
        {title} ({checks.length})
      </h3>
      <ul className="mt-1 space-y-0.5 text-sm">
        {checks.map((c, i) => (
          <li key={`${c.workflow ?? ""}/${c.name}/${i}`}>
            {c.workflow && <span className="text-neutral-500 dark:text-neutral-400">{c.workflow} / </span>}
            {href ? (
              <ExternalLink href={href} className="font-medium">
                {c.name}
              </ExternalLink>
            ) : (
              <span className="font-medium">{c.name}</span>
            )}{" "}
            <span className="text-xs text-neutral-500 dark:text-neutral-400">
              ({c.detail.toLowerCase().replaceAll("_", " ")})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CiCard({ ci, defaultBranch }: { ci: DefaultBranchCi; defaultBranch: string | null }) {
  return (
    <Card title="Default branch CI">
      {ci.commit === null ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No default-branch commit has been synced yet.</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <CiBadge state={ci.state} />
            <span className="text-sm text-neutral-700 dark:text-neutral-300">{SOURCE[ci.source](ci.checkCount)}</span>
          </div>
          <p className="mt-3 text-sm">
            <span className="font-medium">{ci.commit.messageHeadline}</span>
          </p>
          <p className="text-xs text-neutral-500 dark:text-neutral-400">
            {defaultBranch ?? "default branch"} ·{" "}
            <ExternalLink href={ci.commit.url} className="font-mono">
              {ci.commit.oid.slice(0, 7)}
            </ExternalLink>{" "}
            · committed <Time value={ci.commit.committedDate} mode="absolute" />
          </p>
          <CheckList title="Failing" checks={ci.failing} href={`${ci.commit.url}/checks`} />
          <CheckList title="Pending" checks={ci.pending} href={`${ci.commit.url}/checks`} />
        </>
      )}
      <Definition>{DEF.ci}</Definition>
    </Card>
  );
}
