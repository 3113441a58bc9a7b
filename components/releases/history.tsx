import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/components/deps/format";
import { renderMarkdown } from "@/lib/releases/markdown";
import type { ReleaseEntry } from "@/lib/releases/queries";

const TONE: Record<string, "red" | "sky" | "neutral" | "amber"> = {
  major: "red",
  minor: "sky",
  patch: "neutral",
  prerelease: "amber",
};

export function ReleaseHistory({
  releases,
  tagsWithoutRelease,
}: {
  releases: ReleaseEntry[];
  tagsWithoutRelease: number;
}) {
  return (
    <Card title={`Release history (${releases.length})`}>
      {releases.length === 0 ? (
        <EmptyState title="No published releases">
          Publish a GitHub release for a tag (Releases → Draft a new release) and it appears here after the next sync.
          Drafts are never shown.
        </EmptyState>
      ) : (
        <ol
          className="relative space-y-4 border-l border-neutral-200 pl-4 dark:border-neutral-800"
          data-testid="release-history"
        >
          {releases.slice(0, 50).map((r) => (
            <li key={r.tagName}>
              <p className="flex flex-wrap items-center gap-2">
                <a href={r.url} className="font-semibold underline" rel="noreferrer">
                  {r.tagName}
                </a>
                <Badge tone={TONE[r.class] ?? "neutral"}>{r.class}</Badge>
                {r.isLatest && <Badge tone="green">latest</Badge>}
                <span className="text-sm text-neutral-600 dark:text-neutral-400">
                  {formatDay(r.publishedAt)} · {r.authorLogin ?? "a bot"}
                  {r.previous ? ` · after ${r.previous}` : ""}
                </span>
              </p>
              {r.name && r.name !== r.tagName && <p className="text-sm">{r.name}</p>}
              {/* Release notes and tag messages are untrusted: remark → rehype-sanitize (no raw HTML, no javascript: links). */}
              {r.notes && (
                <div
                  className="mt-1 text-sm text-neutral-700 dark:text-neutral-300 [&_a]:underline [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5"
                  data-testid="release-notes"
                  data-source={r.notesSource ?? undefined}
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(r.notes) }}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {tagsWithoutRelease > 0 && (
        <p className="mt-3 text-xs text-neutral-500">
          {tagsWithoutRelease} tag{tagsWithoutRelease === 1 ? "" : "s"} without a GitHub release are not listed.
        </p>
      )}
      <p className="mt-3 text-xs text-neutral-500 dark:text-neutral-400">
        Class: each version compared with the highest stable version below it (semver, “v” prefix allowed; 0.x.0 is a
        minor release as in the runbook). Date: publication (creation while unpublished). Notes: the GitHub release’s
        description, or the annotated tag’s message when the release has none.
      </p>
    </Card>
  );
}
