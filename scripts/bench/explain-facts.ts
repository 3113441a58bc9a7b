// EXPLAIN ANALYZE execution time of each item-facts KPI query for 12 months (DATABASE_URL).
import { db } from "@/lib/db";
import { monthWindow, trailingMonths } from "@/lib/metrics/window";

const mod = await import("@/lib/metrics/facts/queries");
const repoIds = (await db.githubRepository.findMany({ select: { id: true } })).map((r) => r.id);
const w = trailingMonths(process.env.MONTH ?? "2026-11", 12).map((m) => monthWindow(m, "Europe/Berlin"));
const base = [repoIds, w.map((x) => x.start.toISOString()), w.map((x) => x.end.toISOString())];
for (const [name, sql, extra] of mod.FACT_QUERIES) {
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, TIMING OFF) ${sql}`, ...base, ...extra);
  });
  console.log(
    name,
    rows
      .filter((r) => /Execution Time|Planning Time/.test(r["QUERY PLAN"]))
      .map((r) => r["QUERY PLAN"])
      .join("; "),
  );
}
await db.$disconnect();
