import type { UpcomingView } from "@/lib/runbooks/views/types";
import { formatInZone } from "./format";

export function UpcomingList({
  title,
  items,
  timeZone,
  empty,
}: {
  title: string;
  items: UpcomingView[];
  timeZone: string;
  empty: string;
}) {
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-neutral-500">{empty}</p>
      ) : (
        <ul className="space-y-1.5 text-sm">
          {items.map((u) => (
            <li key={`${u.sectionId}-${u.dueAt}`}>
              <span className="font-medium">{u.sectionTitle}</span>
              <span className="text-neutral-500">
                {" "}
                · next due {formatInZone(u.dueAt, timeZone)}
                {u.count > 1 && ` · ${u.count} runs`} · {u.cadence}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
