"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { TimelineEvent } from "@/lib/incidents/views/views";
import { formatMoment } from "@/components/health/format";

const FILTERS = { all: "All", people: "People", health: "Health", github: "GitHub", system: "System" } as const;
type Filter = keyof typeof FILTERS;
const SOURCE_TONE: Record<string, string> = {
  person: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-300",
  health: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-300",
  github: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-300",
  system: "bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200",
};

export function IncidentTimeline({ events }: { events: TimelineEvent[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get("events") ?? "all";
  const filter: Filter = raw in FILTERS ? (raw as Filter) : "all";
  const shown = events.filter(
    (e) => filter === "all" || (filter === "people" ? e.source === "person" : e.source === filter),
  );
  const choose = (f: Filter) => router.replace(f === "all" ? pathname : `${pathname}?events=${f}`, { scroll: false });
  return (
    <section aria-labelledby="timeline">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline" className="font-semibold">
          Timeline <span className="text-sm font-normal text-neutral-500">(newest first)</span>
        </h2>
        <div role="group" aria-label="Filter the timeline" className="flex flex-wrap gap-1">
          {(Object.keys(FILTERS) as Filter[]).map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f}
              onClick={() => choose(f)}
              className={`rounded px-2 py-1 text-xs ${filter === f ? "bg-sky-700 text-white" : "bg-neutral-100 dark:bg-neutral-800"}`}
            >
              {FILTERS[f]}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="mt-3 text-sm text-neutral-500">No events of this kind.</p>
      ) : (
        <ol className="mt-3 space-y-3" data-testid="timeline">
          {shown.map((e) => (
            <li
              key={e.id}
              data-kind={e.kind}
              className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400">
                <span className={`rounded px-1.5 py-0.5 font-medium ${SOURCE_TONE[e.source] ?? SOURCE_TONE.system}`}>
                  {e.source}
                </span>
                <span>{e.kind.replace(/_/g, " ")}</span>
                <time dateTime={e.at} className="tabular-nums">
                  {formatMoment(e.at)}
                </time>
                {e.actorName && <span>· {e.actorName}</span>}
                {e.public && (
                  <span className="rounded border border-neutral-300 px-1 dark:border-neutral-700">public</span>
                )}
              </div>
              {e.html !== null ? (
                // Sanitized on the server (remark → rehype-sanitize), see lib/incidents/markdown.ts.
                <div
                  className="prose-sm mt-1 text-sm [&_a]:underline [&_code]:font-mono [&_ul]:list-disc [&_ul]:pl-5"
                  dangerouslySetInnerHTML={{ __html: e.html }}
                />
              ) : (
                <p className="mt-1 text-sm">
                  {e.body}
                  {e.link && (
                    <>
                      {" "}
                      ·{" "}
                      <a href={e.link} className="underline" rel="noreferrer noopener" target="_blank">
                        open
                      </a>
                    </>
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
