// The History page: resolved incidents (filtered) and MTTA/MTTR statistics over every incident
// that started in the window (open ones count as open, never as zero).
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SEVERITIES } from "../schemas";
import { summarize } from "./queries";
import { computeIncidentStats, type IncidentStats } from "./stats";
import { getIncidentTypes } from "../types";
import type { IncidentSummary, IncidentTypeSummary } from "./views";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const HistoryFilters = z.object({
  type: z.string().max(40).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  from: month.optional().catch(undefined),
  to: month.optional().catch(undefined),
});
export type HistoryFilters = z.infer<typeof HistoryFilters>;

export type IncidentHistory = { resolved: IncidentSummary[]; stats: IncidentStats; types: IncidentTypeSummary[] };

const monthStart = (m: string) => new Date(`${m}-01T00:00:00Z`);
const nextMonth = (m: string) => {
  const d = monthStart(m);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};

export async function getIncidentHistory(filters: HistoryFilters, now: Date = new Date()): Promise<IncidentHistory> {
  const where: Prisma.IncidentWhereInput = {};
  if (filters.type) where.typeKey = filters.type;
  if (filters.severity) where.severity = filters.severity;
  if (filters.from || filters.to)
    where.startedAt = {
      gte: filters.from ? monthStart(filters.from) : undefined,
      lt: filters.to ? nextMonth(filters.to) : undefined,
    };
  const [types, rows] = await Promise.all([
    getIncidentTypes(),
    db.incident.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: 5000,
      include: { events: { where: { kind: { in: ["update", "resolved"] } }, orderBy: { at: "desc" }, take: 1 } },
    }),
  ]);
  const target = (key: string) => types.find((t) => t.key === key)?.resolutionMinutes ?? 14 * 24 * 60;
  return {
    resolved: rows
      .filter((r) => r.resolvedAt)
      .slice(0, 200)
      .map((r) => summarize(r, types, r.events[0], now)),
    stats: computeIncidentStats(rows.map((r) => ({ ...r, resolutionMinutes: target(r.typeKey) }))),
    types: types.map(({ procedure: _p, ...t }) => t),
  };
}
