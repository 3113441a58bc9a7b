// Maintenance windows: one-off, or recurring by an RRULE evaluated in the window's time zone (the
// team's, by default) with rrule-temporal, so "every Sunday 06:00 Europe/Berlin" stays 06:00 across DST.
import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { RRuleTemporal } from "rrule-temporal";
import { db, sql } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { MaintenanceWindow } from "@/lib/generated/prisma/client";
import type { IncidentContext } from "./context";
import { logger } from "@/lib/logger";

async function notifyMaintenance(detail: {
  title: string;
  start: string;
  end: string;
  scope: string[];
}): Promise<void> {
  try {
    const { queueMaintenanceNotifications } = await import("./notifications/deliver");
    await queueMaintenanceNotifications(detail);
  } catch (error) {
    logger.error("maintenance notification could not be queued", { error });
  }
}

export const MaintenanceInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    targetIds: z.array(z.uuid()).max(100).default([]),
    serviceGroups: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    durationMinutes: z
      .int()
      .min(1)
      .max(7 * 24 * 60),
    rrule: z
      .string()
      .trim()
      .regex(/^FREQ=[A-Z]+(;[A-Z]+=[A-Za-z0-9,+-]+)*$/, "an RRULE such as FREQ=WEEKLY;BYDAY=SU")
      .max(500)
      .optional(),
    /** Default: the team's time zone (Settings → Team). */
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "an IANA time zone")
      .optional(),
    public: z.boolean().default(true),
  })
  .refine((w) => w.targetIds.length + w.serviceGroups.length > 0, {
    message: "Name at least one target or service group.",
    path: ["targetIds"],
  });
export type MaintenanceInput = z.infer<typeof MaintenanceInput>;

export type Occurrence = { start: Date; end: Date };

/** Occurrences of a window that overlap [from, to). */
export function occurrences(
  w: Pick<MaintenanceWindow, "startsAt" | "durationMinutes" | "rrule" | "timeZone">,
  from: Date,
  to: Date,
): Occurrence[] {
  const length = w.durationMinutes * 60_000;
  if (!w.rrule) {
    const end = new Date(w.startsAt.getTime() + length);
    return w.startsAt < to && end > from ? [{ start: w.startsAt, end }] : [];
  }
  const local = format(new TZDate(w.startsAt.getTime(), w.timeZone), "yyyyMMdd'T'HHmmss");
  const rule = new RRuleTemporal({ rruleString: `DTSTART;TZID=${w.timeZone}:${local}\nRRULE:${w.rrule}` });
  return rule
    .between(new Date(from.getTime() - length), to, true)
    .map((o) => ({ start: new Date(o.epochMilliseconds), end: new Date(o.epochMilliseconds + length) }))
    .filter((o) => o.start < to && o.end > from);
}

function covers(w: MaintenanceWindow, targetId: string, group: string | null): boolean {
  return w.targetIds.includes(targetId) || (group !== null && w.serviceGroups.includes(group));
}

/** The windows that apply to a target (directly or through its service group). */
export async function windowsForTarget(targetId: string): Promise<MaintenanceWindow[]> {
  const target = await db.healthTarget.findUnique({ where: { id: targetId }, select: { serviceGroup: true } });
  const group = target?.serviceGroup ?? null;
  const all = await db.maintenanceWindow.findMany({
    where: { OR: [{ targetIds: { has: targetId } }, ...(group ? [{ serviceGroups: { has: group } }] : [])] },
  });
  return all.filter((w) => covers(w, targetId, group));
}

export async function isTargetUnderMaintenance(targetId: string, at: Date): Promise<boolean> {
  return maintenanceChecker()(targetId, at);
}

type WindowTimes = Pick<MaintenanceWindow, "startsAt" | "durationMinutes" | "rrule" | "timeZone">;

/** windowsForTarget for several targets in one plain statement (the push path runs this after alert bursts). */
async function windowsForTargets(targetIds: string[]): Promise<Map<string, WindowTimes[]>> {
  const rows = await sql().query<WindowTimes & { targetId: string }>(
    `SELECT t."id"::text AS "targetId", w."startsAt", w."durationMinutes", w."rrule", w."timeZone"
    FROM unnest($1::uuid[]) AS t("id") LEFT JOIN "HealthTarget" h ON h."id" = t."id"
    JOIN "MaintenanceWindow" w ON t."id" = ANY(w."targetIds") OR (h."serviceGroup" IS NOT NULL AND h."serviceGroup" = ANY(w."serviceGroups"))`,
    [targetIds],
  );
  const byTarget = new Map<string, WindowTimes[]>(targetIds.map((id) => [id, []]));
  for (const { targetId, ...w } of rows) byTarget.get(targetId)?.push({ ...w, startsAt: new Date(w.startsAt) });
  return byTarget;
}

/**
 * isTargetUnderMaintenance for many alerts at once: each target's windows are read once, and those
 * of `targetIds` (the targets the caller will ask about) all in one statement on the first question.
 */
export function maintenanceChecker(targetIds: string[] = []): (targetId: string, at: Date) => Promise<boolean> {
  const windows = new Map<string, Promise<WindowTimes[]>>();
  let batch: Promise<Map<string, WindowTimes[]>> | null = null;
  const known = new Set(targetIds);
  return async (targetId, at) => {
    if (!windows.has(targetId)) {
      if (known.has(targetId)) {
        batch ??= windowsForTargets([...known]);
        windows.set(
          targetId,
          batch.then((all) => all.get(targetId) ?? []),
        );
      } else windows.set(targetId, windowsForTarget(targetId));
    }
    return (await windows.get(targetId)!).some((w) => occurrences(w, at, new Date(at.getTime() + 1)).length > 0);
  };
}

export async function createMaintenanceWindow(
  ctx: IncidentContext,
  given: MaintenanceInput,
): Promise<MaintenanceWindow> {
  // Imported here: lib/team/schedule is server-only, and the worker reaches this module through alerts.
  const timeZone = given.timeZone ?? (await (await import("@/lib/team/schedule")).getTeamSchedule()).timeZone;
  const input = { ...given, timeZone };
  if (input.rrule) {
    try {
      occurrences({ ...input, rrule: input.rrule }, input.startsAt, new Date(input.startsAt.getTime() + 1));
    } catch (error) {
      throw new ApiError(400, "validation_failed", "The recurrence rule is not valid.", {
        rrule: [error instanceof Error ? error.message : "invalid RRULE"],
      });
    }
  }
  const row = await db.$transaction(async (tx) => {
    const created = await tx.maintenanceWindow.create({
      data: { ...input, rrule: input.rrule ?? null, createdById: ctx.actor?.id ?? null },
    });
    await recordAudit(
      {
        action: "maintenance.created",
        actorId: ctx.actor?.id,
        target: created.id,
        ip: ctx.actor?.ip,
        detail: { title: input.title },
      },
      tx,
    );
    return created;
  });
  const next = occurrences(row, new Date(), new Date(Date.now() + 366 * 86_400_000))[0];
  if (next)
    await notifyMaintenance({
      title: row.title,
      start: next.start.toISOString(),
      end: next.end.toISOString(),
      scope: row.serviceGroups,
    });
  return row;
}

export async function deleteMaintenanceWindow(ctx: IncidentContext, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.maintenanceWindow.deleteMany({ where: { id } });
    if (gone.count === 0) throw new ApiError(404, "not_found", "No such maintenance window.");
    await recordAudit({ action: "maintenance.deleted", actorId: ctx.actor?.id, target: id, ip: ctx.actor?.ip }, tx);
  });
}

export type MaintenanceView = {
  id: string;
  title: string;
  targetIds: string[];
  serviceGroups: string[];
  rrule: string | null;
  timeZone: string;
  durationMinutes: number;
  public: boolean;
  next: Array<{ start: string; end: string }>;
};

/** Windows with their occurrences in the next `days` days (and any running now). */
export async function listMaintenance(now: Date = new Date(), days = 14): Promise<MaintenanceView[]> {
  const to = new Date(now.getTime() + days * 86_400_000);
  const rows = await db.maintenanceWindow.findMany({ orderBy: { startsAt: "asc" } });
  return rows.map((w) => ({
    id: w.id,
    title: w.title,
    targetIds: w.targetIds,
    serviceGroups: w.serviceGroups,
    rrule: w.rrule,
    timeZone: w.timeZone,
    durationMinutes: w.durationMinutes,
    public: w.public,
    next: occurrences(w, now, to)
      .slice(0, 10)
      .map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
  }));
}
