// History: runs per week or month by outcome, and who did what (with the evidence of automatic ticks).
import "server-only";
import { db } from "@/lib/db";
import { getTeamSchedule } from "@/lib/team/schedule";
import { runStatus } from "./runs";
import { bucketFrames, bucketKey } from "./history-buckets";
import type { HistoryBucket, HistoryEvent, HistoryView } from "./types";

export const HISTORY_DEFINITION =
  "Runs by the period their due time falls in, in the team's time zone (weeks from Monday 00:00, or calendar months). On time: signed off by the due time. Late: signed off after it. Missed: skipped (with a reason) or still open past the due time. Open: not yet due.";

export async function getHistoryView(
  range: "week" | "month",
  now = new Date(),
  timeZone?: string,
): Promise<HistoryView> {
  const zone = timeZone ?? (await getTeamSchedule()).timeZone;
  const frames = bucketFrames(range, now, zone, range === "week" ? 12 : 6);
  const runs = await db.checklistRun.findMany({
    where: { dueAt: { gte: frames[0]!.start, lte: now }, periodStart: { lte: now } },
    select: { dueAt: true, signedOffAt: true, skippedAt: true, label: true },
  });
  const buckets = new Map<string, HistoryBucket>(
    frames.map((f) => [
      f.key,
      { start: f.start.toISOString(), label: f.label, onTime: 0, late: 0, missed: 0, open: 0 },
    ]),
  );
  for (const run of runs) {
    const bucket = buckets.get(bucketKey(run.dueAt, range, zone));
    if (!bucket) continue;
    const status = runStatus(run, now);
    if (status === "on_time") bucket.onTime++;
    else if (status === "late") bucket.late++;
    else if (status === "skipped" || status === "overdue") bucket.missed++;
    else bucket.open++;
  }
  return {
    range,
    timeZone: zone,
    buckets: [...buckets.values()],
    events: await recentEvents(),
    definition: HISTORY_DEFINITION,
  };
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
    ...completions
      .filter((c) => c.undoneAt)
      .map((c) => ({
        at: (c.undoneAt as Date).toISOString(),
        who: c.undoneByName ?? "unknown",
        what: `undid the ${c.source === "auto" ? "automatic " : ""}tick of “${c.item.text}”`,
        run: runName(c.run),
        evidence: null,
        evidenceUrl: null,
        note: null,
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
