// History: runs per week or month by outcome, and who did what (with the evidence of automatic ticks).
import "server-only";
import { db } from "@/lib/db";
import { runStatus } from "./runs";
import type { HistoryBucket, HistoryEvent, HistoryView } from "./types";

const DAY = 86_400_000;

function bucketStart(at: Date, range: "week" | "month"): Date {
  if (range === "month") return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

export const HISTORY_DEFINITION =
  "Runs by the period their due time falls in (UTC weeks from Monday, or calendar months). On time: signed off by the due time. Late: signed off after it. Missed: skipped (with a reason) or still open past the due time. Open: not yet due.";

export async function getHistoryView(range: "week" | "month", now = new Date()): Promise<HistoryView> {
  const count = range === "week" ? 12 : 6;
  const first = bucketStart(new Date(now.getTime() - (range === "week" ? (count - 1) * 7 * DAY : 0)), range);
  if (range === "month") first.setUTCMonth(first.getUTCMonth() - (count - 1));
  const runs = await db.checklistRun.findMany({
    where: { dueAt: { gte: first, lte: now }, periodStart: { lte: now } },
    select: { dueAt: true, signedOffAt: true, skippedAt: true, label: true },
  });
  const buckets = new Map<string, HistoryBucket>();
  for (let i = 0, start = new Date(first); i < count; i++) {
    const key = start.toISOString();
    const label = range === "week" ? `w/c ${key.slice(5, 10)}` : key.slice(0, 7);
    buckets.set(key, { start: key, label, onTime: 0, late: 0, missed: 0, open: 0 });
    start =
      range === "week"
        ? new Date(start.getTime() + 7 * DAY)
        : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
  for (const run of runs) {
    const bucket = buckets.get(bucketStart(run.dueAt, range).toISOString());
    if (!bucket) continue;
    const status = runStatus(run, now);
    if (status === "on_time") bucket.onTime++;
    else if (status === "late") bucket.late++;
    else if (status === "skipped" || status === "overdue") bucket.missed++;
    else bucket.open++;
  }
  return { range, buckets: [...buckets.values()], events: await recentEvents(), definition: HISTORY_DEFINITION };
}

async function recentEvents(): Promise<HistoryEvent[]> {
  const runName = (r: { label: string | null; periodKey: string; section: { title: string } }) =>
    `${r.section.title} · ${r.label ?? r.periodKey}`;
  const include = { run: { select: { label: true, periodKey: true, section: { select: { title: true } } } } } as const;
  const [completions, signOffs] = await Promise.all([
    db.checklistCompletion.findMany({
      orderBy: { at: "desc" },
      take: 60,
      include: { ...include, item: { select: { text: true } } },
    }),
    db.checklistSignOff.findMany({ orderBy: { at: "desc" }, take: 20, include }),
  ]);
  const events: HistoryEvent[] = [
    ...completions.map((c) => ({
      at: c.at.toISOString(),
      who: c.source === "auto" ? "steward (automatic)" : (c.byName ?? "unknown"),
      what: `${c.status === "done" ? "ticked" : "skipped"} “${c.item.text}”`,
      run: runName(c.run),
      evidence: (c.value as { display?: string } | null)?.display ?? null,
      evidenceUrl: c.evidenceUrl,
      note: c.note,
    })),
    ...signOffs.map((s) => ({
      at: s.at.toISOString(),
      who: s.byName,
      what: "signed off the run",
      run: runName(s.run),
      evidence: null,
      evidenceUrl: null,
      note: s.note,
    })),
  ];
  return events.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 60);
}
