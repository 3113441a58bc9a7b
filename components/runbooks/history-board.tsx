"use client";
import Link from "next/link";
import { useHistoryQuery } from "@/lib/runbooks/hooks";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { HistoryView } from "@/lib/runbooks/views/types";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { HistoryChart } from "./history-chart";
import { FormError } from "@/components/ui/form-message";

type Event = HistoryView["events"][number];

const EVENT_COLUMNS: Column<Event>[] = [
  {
    key: "at",
    header: "When",
    cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.at)}</span>,
    sortValue: (e) => e.at,
  },
  { key: "who", header: "Who", cell: (e) => e.who, sortValue: (e) => e.who, filterText: (e) => e.who },
  { key: "what", header: "What", cell: (e) => e.what, filterText: (e) => e.what },
  { key: "run", header: "Run", cell: (e) => e.run, sortValue: (e) => e.run, filterText: (e) => e.run },
  {
    key: "evidence",
    header: "Evidence and note",
    cell: (e) => (
      <>
        {e.evidence &&
          (e.evidenceUrl ? (
            <a className="underline" href={e.evidenceUrl}>
              {e.evidence}
            </a>
          ) : (
            e.evidence
          ))}
        {e.evidence && e.note && " · "}
        {e.note && <>“{e.note}”</>}
      </>
    ),
    filterText: (e) => `${e.evidence ?? ""} ${e.note ?? ""}`,
  },
];

export function HistoryBoard({ range }: { range: "week" | "month" }) {
  const query = useHistoryQuery(range);
  const data = query.data;
  if (!data)
    return query.error ? (
      <FormError>{query.error.message}</FormError>
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
        <DataTable
          rows={data.events}
          columns={EVENT_COLUMNS}
          rowKey={(e) => `${e.at}-${e.who}-${e.what}-${e.run}`}
          caption="Who did what"
          initialSort={{ key: "at", direction: "desc" }}
          empty={<p className="text-sm text-neutral-600 dark:text-neutral-400">No ticks yet.</p>}
        />
      </Card>
    </div>
  );
}
