// The Today page: runs due today and overdue, what comes this week and month, the morning-check strip.
import "server-only";
import { TZDate } from "@date-fns/tz";
import { db } from "@/lib/db";
import { getTeamSchedule } from "@/lib/team/schedule";
import { localDate } from "@/lib/team/business-time";
import { occurrencesBetween } from "@/lib/runbooks/recurrence/periods";
import { evaluateChecks } from "@/lib/runbooks/checks/catalogue";
import { CHECK_DEFINITIONS } from "@/lib/runbooks/checks/definitions";
import type { CheckId } from "@/lib/runbooks/checks/ids";
import { cadenceInWords } from "@/lib/runbooks/cadence-words";
import { loadRuns } from "./runs";
import type { TodayView, UpcomingView } from "./types";

export const MORNING_CHECKS: CheckId[] = [
  "github.new_items",
  "github.ci_failing",
  "github.security_alerts",
  "triage.p0_past_target",
  "health.targets_not_ok",
];

function localMidnight(timeZone: string, date: string, addDays = 0): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + addDays, timeZone).getTime());
}

export async function getTodayView(now = new Date()): Promise<TodayView> {
  const schedule = await getTeamSchedule();
  const today = localDate(schedule.timeZone, now);
  const startOfToday = localMidnight(schedule.timeZone, today);
  const endOfToday = localMidnight(schedule.timeZone, today, 1);
  const [runbookCount, runs, sections, strip] = await Promise.all([
    db.runbook.count(),
    loadRuns(
      {
        section: { removedAt: null },
        OR: [
          { dueAt: { gte: startOfToday, lte: endOfToday }, periodStart: { lte: now } },
          { dueAt: { lt: startOfToday }, signedOffAt: null, skippedAt: null },
          { label: { not: null }, signedOffAt: null, skippedAt: null },
        ],
      },
      now,
    ),
    db.runbookSection.findMany({
      where: { removedAt: null, runbook: { active: true } },
      include: { runbook: { select: { title: true } }, _count: { select: { items: { where: { removedAt: null } } } } },
      orderBy: [{ runbookId: "asc" }, { position: "asc" }],
    }),
    evaluateChecks(MORNING_CHECKS, { now }),
  ]);
  const endOfWeek = localMidnight(schedule.timeZone, today, 7);
  const endOfMonth = localMidnight(schedule.timeZone, today, 31);
  const week: UpcomingView[] = [];
  const month: UpcomingView[] = [];
  for (const s of sections) {
    if (!s.rrule || !s.scheduledFrom) continue;
    const due = occurrencesBetween(
      { rrule: s.rrule, businessHoursOnly: s.businessHoursOnly, dueTime: s.dueTime },
      schedule,
      s.scheduledFrom,
      endOfToday,
      endOfMonth,
    ).filter((o) => o.dueAt > endOfToday); // due later than today (today's runs are listed above)
    const base = { sectionId: s.id, sectionTitle: s.title, runbookTitle: s.runbook.title, cadence: cadenceInWords(s) };
    const inWeek = due.filter((o) => o.dueAt < endOfWeek);
    const later = due.filter((o) => o.dueAt >= endOfWeek);
    if (inWeek[0]) week.push({ ...base, dueAt: inWeek[0].dueAt.toISOString(), count: inWeek.length });
    if (later[0]) month.push({ ...base, dueAt: later[0].dueAt.toISOString(), count: later.length });
  }
  const byDue = (a: UpcomingView, b: UpcomingView) => a.dueAt.localeCompare(b.dueAt);
  return {
    generatedAt: now.toISOString(),
    timeZone: schedule.timeZone,
    hasRunbooks: runbookCount > 0,
    runs,
    week: week.sort(byDue).slice(0, 40),
    month: month.sort(byDue).slice(0, 40),
    strip: MORNING_CHECKS.map((id) => ({
      ...(strip.get(id) ?? {
        id,
        status: "not_connected" as const,
        value: null,
        display: "not connected",
        evidenceUrl: "",
      }),
      label: CHECK_DEFINITIONS[id].label,
      definition: CHECK_DEFINITIONS[id].definition,
      passCondition: CHECK_DEFINITIONS[id].passCondition,
    })),
    procedures: sections
      .filter((s) => s.onDemand && !s.rrule)
      .map((s) => ({ sectionId: s.id, title: s.title, runbookTitle: s.runbook.title, steps: s._count.items })),
  };
}
