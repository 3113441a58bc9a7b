// Times each part of a cold Metrics page one after another (where the time goes): the 12-month
// item and other KPIs, incidents, runtime, triage, notable items and the distribution.
// Used by bench-metrics.ts; alone: DATABASE_URL=… node --import tsx … scripts/bench/metrics-parts.ts
import { db } from "@/lib/db";
import { getItemKpisFromFacts } from "@/lib/metrics/facts/queries";
import { getIncidentKpis } from "@/lib/metrics/incident-kpis";
import { getOtherKpis } from "@/lib/metrics/other-queries";
import { getFirstResponseDistribution, getNotable } from "@/lib/metrics/notable";
import { computeRuntime, listRuntimeTargets } from "@/lib/metrics/runtime";
import { computeTriage } from "@/lib/metrics/triage-kpis";
import type { Window } from "@/lib/metrics/window";

export async function timeParts(repoIds: string[], months: Window[]): Promise<void> {
  const config = { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0"] };
  const ctx = { repoIds, windows: months, config };
  const time = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    console.log(`  ${name}: ${Math.round(performance.now() - t)} ms`);
  };
  await time("item KPIs, 12 months (facts)", () => getItemKpisFromFacts(ctx));
  await time("other KPIs (alerts, releases, CI, stars, contributors), 12 months", () => getOtherKpis(ctx));
  await time("incident KPIs, 12 months", () => getIncidentKpis(months));
  await time("runtime KPIs, 12 months", async () => computeRuntime(await listRuntimeTargets(), months, new Date()));
  await time("triage KPIs, 2 months (stored outcomes)", () => computeTriage(repoIds, months.slice(10), new Date()));
  await time("notable items", () => getNotable(repoIds, months[11]!, config));
  await time("first-response distribution", () => getFirstResponseDistribution(repoIds, months[11]!, config));
}

if (process.argv[1]?.endsWith("metrics-parts.ts")) {
  const { trailingMonths, monthWindow } = await import("@/lib/metrics/window");
  const repoIds = (await db.githubRepository.findMany({ select: { id: true } })).map((r) => r.id);
  await timeParts(
    repoIds,
    trailingMonths(process.env.MONTH ?? "2026-06", 12).map((m) => monthWindow(m, "Europe/Berlin")),
  );
  await db.$disconnect();
}
