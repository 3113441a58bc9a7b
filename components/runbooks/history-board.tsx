"use client";
import Link from "next/link";
import { useHistoryQuery } from "@/lib/runbooks/hooks";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { HistoryChart } from "./history-chart";

export function HistoryBoard({ range }: { range: "week" | "month" }) {
  const query = useHistoryQuery(range);
  const data = query.data;
  if (!data)
    return query.error ? (
      <p role="alert" className="text-sm text-red-700">
        {query.error.message}
      </p>
    ) : (
      <p className="text-sm text-neutral-500">Loading…</p>
    );
  const total = data.buckets.reduce((n, b) => n + b.onTime + b.late + b.missed + b.open, 0);
  return (
    <div className="space-y-6">
      <nav aria-label="Range" className="flex gap-3 text-sm">
        {(["week", "month"] as const).map((r) => (
          <Link
            key={r}
            href={`/runbooks/history?range=${r}`}
            aria-current={r === range ? "page" : undefined}
            className={r === range ? "font-semibold underline" : "text-neutral-600 dark:text-neutral-400"}
          >
            per {r}
          </Link>
        ))}
      </nav>
      {total === 0 ? (
        <EmptyState title="No runs yet">
          Activate a runbook on the Runbooks page; its runs and who ticked what appear here.
        </EmptyState>
      ) : (
        <Card title={`Runs per ${range}`}>
          <HistoryChart buckets={data.buckets} />
          <p className="mt-2 text-xs text-neutral-500">
            {data.definition} Time zone: {data.timeZone}.
          </p>
        </Card>
      )}
      <Card title="Who did what">
        {data.events.length === 0 ? (
          <p className="text-sm text-neutral-500">No ticks yet.</p>
        ) : (
          <ul className="divide-y divide-neutral-100 text-sm dark:divide-neutral-800">
            {data.events.map((e, i) => (
              <li key={i} className="py-2">
                <span className="text-xs text-neutral-500">{formatDateTime(e.at)}</span> ·{" "}
                <span className="font-medium">{e.who}</span> {e.what}{" "}
                <span className="text-neutral-500">in {e.run}</span>
                {e.evidence && (
                  <>
                    {" "}
                    · evidence:{" "}
                    {e.evidenceUrl ? (
                      <a className="underline" href={e.evidenceUrl}>
                        {e.evidence}
                      </a>
                    ) : (
                      e.evidence
                    )}
                  </>
                )}
                {e.note && <> · “{e.note}”</>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
