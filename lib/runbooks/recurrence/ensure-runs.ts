// The scheduler's job: create the checklist runs of every active section up to now. Idempotent by the
// (sectionId, periodKey) unique key — INSERT … ON CONFLICT DO NOTHING — so two workers ticking at once create one run.
import { db } from "@/lib/db";
import type { TeamSchedule } from "@/lib/team/schemas";
import { occurrencesBetween } from "./periods";

/** A scheduler that was down longer than this does not back-fill older periods. */
export const BACKFILL_MS = 62 * 86_400_000;

export async function ensureDueRuns(ctx: {
  now: Date;
  schedule: TeamSchedule;
  sectionIds?: string[];
}): Promise<{ sections: number; created: number }> {
  const sections = await db.runbookSection.findMany({
    where: {
      ...(ctx.sectionIds ? { id: { in: ctx.sectionIds } } : {}),
      removedAt: null,
      rrule: { not: null },
      scheduledFrom: { not: null },
      runbook: { active: true },
    },
    select: { id: true, rrule: true, businessHoursOnly: true, dueTime: true, scheduledFrom: true },
  });
  let created = 0;
  for (const s of sections) {
    if (!s.rrule || !s.scheduledFrom) continue;
    const from = new Date(Math.max(s.scheduledFrom.getTime(), ctx.now.getTime() - BACKFILL_MS));
    const due = occurrencesBetween(
      { rrule: s.rrule, businessHoursOnly: s.businessHoursOnly, dueTime: s.dueTime },
      ctx.schedule,
      s.scheduledFrom,
      from,
      ctx.now,
    ).filter((o) => o.periodStart <= ctx.now);
    if (due.length === 0) continue;
    const result = await db.checklistRun.createMany({
      data: due.map((o) => ({ sectionId: s.id, periodKey: o.periodKey, periodStart: o.periodStart, dueAt: o.dueAt })),
      skipDuplicates: true,
    });
    created += result.count;
  }
  return { sections: sections.length, created };
}
