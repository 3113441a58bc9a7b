// Times each part of a cold Metrics page (12-month trend) on an existing database (DATABASE_URL).
import { getItemKpisFromFacts } from "@/lib/metrics/facts/queries";
import { getOtherKpis } from "@/lib/metrics/other-queries";
import { computeTriage } from "@/lib/metrics/triage-kpis";
import { getFirstResponseDistribution, getNotable } from "@/lib/metrics/notable";
import { monthWindow, trailingMonths } from "@/lib/metrics/window";
import { db } from "@/lib/db";

const repoIds = (await db.githubRepository.findMany({ select: { id: true } })).map((r) => r.id);
const months = trailingMonths(process.env.MONTH ?? "2026-06", 12).map((m) => monthWindow(m, "Europe/Berlin"));
const config = { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0"] };
const ctx = { repoIds, windows: months, config };
const time = async (name: string, fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  console.log(`${name}: ${Math.round(performance.now() - t)} ms`);
};
await time("item KPIs, 12 months (facts)", () => getItemKpisFromFacts(ctx));
await time("other KPIs, 12 months", () => getOtherKpis(ctx));
await time("triage KPIs, 2 months", () => computeTriage(repoIds, months.slice(10), new Date()));
await time("notable", () => getNotable(repoIds, months[11]!, config));
await time("distribution", () => getFirstResponseDistribution(repoIds, months[11]!, config));
await db.$disconnect();
