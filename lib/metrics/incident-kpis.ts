// Incident KPIs from the incident board: every incident (not filtered by repository) that started in the window.
import { db } from "@/lib/db";
import { summarize } from "@/lib/incidents/views/stats";
import type { KpiValues, WindowBounds } from "./types";

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** Read fresh on every call (cheap, indexed by startedAt): incidents change outside the GitHub data the cache tracks. */
export async function getIncidentKpis(windows: WindowBounds[]): Promise<KpiValues[]> {
  if (windows.length === 0) return [];
  const start = new Date(Math.min(...windows.map((w) => w.start.getTime())));
  const end = new Date(Math.max(...windows.map((w) => w.end.getTime())));
  const rows = await db.incident.findMany({
    where: { startedAt: { gte: start, lt: end } },
    select: { startedAt: true, acknowledgedAt: true, resolvedAt: true },
  });
  return windows.map((w) => {
    const started = rows.filter((r) => r.startedAt >= w.start && r.startedAt < w.end);
    const mtta = summarize(started.flatMap((r) => (r.acknowledgedAt ? [seconds(r.startedAt, r.acknowledgedAt)] : [])));
    const mttr = summarize(started.flatMap((r) => (r.resolvedAt ? [seconds(r.startedAt, r.resolvedAt)] : [])));
    return {
      "incidents.count": { value: started.length, count: started.length },
      "incidents.mtta": { value: mtta.median, count: mtta.count },
      "incidents.mttr": { value: mttr.median, count: mttr.count },
    };
  });
}
