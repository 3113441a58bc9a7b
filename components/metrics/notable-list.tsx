import { formatDuration } from "@/lib/metrics/format";
import type { NotableItem } from "@/lib/metrics/notable";

export function NotableList({
  title,
  items,
  empty,
  verb,
}: {
  title: string;
  items: NotableItem[];
  empty: string;
  verb: string;
}) {
  return (
    <section className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-neutral-800 dark:bg-neutral-900">
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-neutral-500">{empty}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {items.map((i) => (
            <li key={`${i.repo}#${i.number}`} className="flex flex-wrap justify-between gap-2">
              <a
                href={i.url}
                className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                rel="noreferrer"
              >
                {i.repo}#{i.number} {i.title}
              </a>
              <span className="tabular-nums text-neutral-600 dark:text-neutral-400">
                {verb} {formatDuration(i.seconds)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
