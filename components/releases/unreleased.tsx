import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/components/deps/format";
import { GROUP_ORDER, GROUP_TITLES } from "@/lib/releases/changelog";
import { renderMarkdown } from "@/lib/releases/markdown";
import type { UnreleasedView } from "@/lib/releases/queries";
import { CopyButton } from "./copy-button";

export function UnreleasedCard({ unreleased }: { unreleased: UnreleasedView }) {
  const { pulls } = unreleased;
  return (
    <Card title={`Unreleased changes (${pulls.length})`}>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Pull requests merged into the default branch{" "}
        {unreleased.sinceVersion
          ? `since ${unreleased.sinceVersion} (${formatDay(unreleased.since)})`
          : "so far (no release yet)"}
        , grouped by type label.
      </p>
      {pulls.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="Nothing unreleased">
            Everything merged is in a release. Merged pull requests appear here after the next sync.
          </EmptyState>
        </div>
      ) : (
        <div className="mt-3 space-y-3" data-testid="unreleased">
          {GROUP_ORDER.filter((g) => pulls.some((p) => p.group === g)).map((g) => (
            <section key={g}>
              <h3 className="text-sm font-semibold">{GROUP_TITLES[g]}</h3>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
                {pulls
                  .filter((p) => p.group === g)
                  .map((p) => (
                    <li key={p.number}>
                      <a href={p.url} className="underline" rel="noreferrer">
                        {p.title}
                      </a>{" "}
                      <span className="text-neutral-500">
                        #{p.number} · {p.authorLogin ?? "ghost"} · merged {formatDay(p.mergedAt)}
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <div className="mt-5 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Changelog draft{unreleased.suggestedVersion ? ` for ${unreleased.suggestedVersion}` : ""}
        </h3>
        <CopyButton text={unreleased.draft} label="Copy Markdown" />
      </div>
      <pre
        className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap rounded border border-neutral-200 bg-neutral-50 p-3 text-xs dark:border-neutral-800 dark:bg-neutral-950"
        data-testid="changelog-draft"
      >
        {unreleased.draft}
      </pre>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Preview</summary>
        <div
          className="mt-2 space-y-2 [&_h2]:font-semibold [&_h3]:font-semibold [&_ul]:list-disc [&_ul]:pl-5"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(unreleased.draft) }}
        />
      </details>
      <p className="mt-3 text-xs text-neutral-500 dark:text-neutral-400">
        Groups: a label containing breaking, enhancement/feature, bug/fix, doc, or dependencies (update bots’ PRs count
        as dependencies); anything else is “Other”. Suggested version: the latest release bumped by the largest change
        (breaking → major, feature → minor, else patch).
      </p>
    </Card>
  );
}
