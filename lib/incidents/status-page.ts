// The public status page's data. Only what is meant to be public: service groups (not targets, URLs
// or people), public incidents with their public updates, public maintenance. Cached per process
// for CACHE_MS, one computation at a time, so a burst of visitors costs one set of queries.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { renderMarkdown } from "./markdown";
import { occurrences } from "./maintenance";
import type { IncidentContext } from "./context";
import type { IncidentStatus } from "./schemas";

export const CACHE_MS = 30_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const StatusPageInput = z.object({
  enabled: z.boolean(),
  title: z.string().trim().min(1).max(100).default("Service status"),
  serviceGroups: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});
export type StatusPageInput = z.infer<typeof StatusPageInput>;

export type GroupState = "operational" | "degraded" | "outage" | "maintenance";
export type PublicDay = { date: string; uptimePct: number | null; maintenanceHours: number };
export type PublicStatus = {
  title: string;
  generatedAt: string;
  groups: Array<{ name: string; state: GroupState; uptimePct90: number | null; days: PublicDay[] }>;
  incidents: Array<{
    id: string;
    title: string;
    status: IncidentStatus;
    startedAt: string;
    resolvedAt: string | null;
    updates: Array<{ at: string; status: IncidentStatus | null; html: string }>;
  }>;
  maintenance: Array<{ title: string; groups: string[]; start: string; end: string }>;
};

export async function getStatusPageSettings() {
  return (
    (await db.statusPageSettings.findUnique({ where: { id: "default" } })) ?? {
      id: "default",
      enabled: false,
      title: "Service status",
      serviceGroups: [] as string[],
      updatedAt: new Date(0),
    }
  );
}

export async function updateStatusPageSettings(ctx: IncidentContext, input: StatusPageInput) {
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.statusPageSettings.upsert({
      where: { id: "default" },
      create: { id: "default", ...input },
      update: input,
    });
    await recordAudit({ action: "status_page.updated", actorId: ctx.actor?.id, ip: ctx.actor?.ip, detail: input }, tx);
    return saved;
  });
  statusCache = null;
  return row;
}

const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);

async function computeStatus(title: string, only: string[], now: Date): Promise<PublicStatus> {
  const targets = await db.healthTarget.findMany({
    where: { enabled: true, ...(only.length ? { serviceGroup: { in: only } } : {}) },
    select: { id: true, serviceGroup: true },
  });
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY - 89 * DAY);
  const [states, rollups, windows, incidents] = await Promise.all([
    db.healthState.findMany({
      where: { targetId: { in: targets.map((t) => t.id) } },
      select: { targetId: true, level: true },
    }),
    db.healthRollup.findMany({
      where: {
        targetId: { in: targets.map((t) => t.id) },
        metric: "check",
        bucket: "hour",
        bucketStart: { gte: from },
      },
      select: { targetId: true, bucketStart: true, count: true, okCount: true },
    }),
    db.maintenanceWindow.findMany({ where: { public: true } }),
    db.incident.findMany({
      where: { public: true, OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(now.getTime() - 7 * DAY) } }] },
      orderBy: { startedAt: "desc" },
      take: 20,
      include: {
        events: {
          where: { public: true, source: "person", kind: { in: ["update", "resolved"] } },
          orderBy: { at: "desc" },
          take: 20,
        },
      },
    }),
  ]);
  const groupOf = new Map(targets.map((t) => [t.id, t.serviceGroup]));
  const groupNames = [...new Set(targets.map((t) => t.serviceGroup))].sort();
  const windowGroups = (w: (typeof windows)[number]) =>
    new Set([...w.serviceGroups, ...w.targetIds.map((id) => groupOf.get(id)).filter((g): g is string => Boolean(g))]);
  const occ = windows.map((w) => ({
    w,
    groups: windowGroups(w),
    list: occurrences(w, from, new Date(now.getTime() + 14 * DAY)),
  }));
  const inMaintenance = (group: string, start: number, end: number) =>
    occ.some((o) => o.groups.has(group) && o.list.some((x) => x.start.getTime() < end && x.end.getTime() > start));
  const groups = groupNames.map((name) => {
    const ids = targets.filter((t) => t.serviceGroup === name).map((t) => t.id);
    const levels = states.filter((s) => ids.includes(s.targetId)).map((s) => s.level);
    const maintenanceNow = inMaintenance(name, now.getTime(), now.getTime() + 1);
    const state: GroupState = maintenanceNow
      ? "maintenance"
      : levels.includes("critical")
        ? "outage"
        : levels.includes("warning")
          ? "degraded"
          : "operational";
    const days = new Map<string, { ok: number; count: number; maintenanceHours: Set<number> }>();
    for (let d = 0; d < 90; d++)
      days.set(dayKey(from.getTime() + d * DAY), { ok: 0, count: 0, maintenanceHours: new Set() });
    let ok = 0;
    let count = 0;
    for (const r of rollups) {
      if (groupOf.get(r.targetId) !== name) continue;
      const start = r.bucketStart.getTime();
      const day = days.get(dayKey(start));
      if (!day) continue;
      if (inMaintenance(name, start, start + HOUR)) {
        day.maintenanceHours.add(start);
        continue;
      }
      day.ok += r.okCount ?? 0;
      day.count += r.count;
      ok += r.okCount ?? 0;
      count += r.count;
    }
    const list = [...days.entries()].map(([date, d]) => ({
      date,
      uptimePct: d.count ? (d.ok / d.count) * 100 : null,
      maintenanceHours: d.maintenanceHours.size,
    }));
    return { name, state, uptimePct90: count ? (ok / count) * 100 : null, days: list };
  });
  return {
    title,
    generatedAt: now.toISOString(),
    groups,
    incidents: incidents.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      startedAt: i.startedAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      updates: i.events.map((e) => ({ at: e.at.toISOString(), status: e.status, html: renderMarkdown(e.body) })),
    })),
    maintenance: occ
      .flatMap((o) =>
        o.list
          .filter((x) => x.end > now)
          .map((x) => ({
            title: o.w.title,
            groups: [...o.groups].filter((g) => !only.length || only.includes(g)).sort(),
            start: x.start.toISOString(),
            end: x.end.toISOString(),
          })),
      )
      .sort((a, b) => (a.start < b.start ? -1 : 1))
      .slice(0, 20),
  };
}

let statusCache: { at: number; value: Promise<PublicStatus | null> } | null = null;

/** null when the page is off. */
export async function getPublicStatus(
  now: Date = new Date(),
  opts: { fresh?: boolean } = {},
): Promise<PublicStatus | null> {
  if (!opts.fresh && statusCache && now.getTime() - statusCache.at < CACHE_MS) return statusCache.value;
  const value = (async () => {
    const settings = await getStatusPageSettings();
    return settings.enabled ? computeStatus(settings.title, settings.serviceGroups, now) : null;
  })();
  statusCache = { at: now.getTime(), value };
  value.catch(() => (statusCache = null));
  return value;
}
