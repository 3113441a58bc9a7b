// Times the item KPIs of 12 months (the page's trend) by the direct queries and by the item facts,
// alternating, on an existing database (DATABASE_URL, e.g. the one bench:metrics left behind).
import { getItemKpis } from "@/lib/metrics/github-queries";
import { getItemKpisFromFacts } from "@/lib/metrics/facts/queries";
import { monthWindow, trailingMonths } from "@/lib/metrics/window";
import { db } from "@/lib/db";

const repoIds = (await db.githubRepository.findMany({ select: { id: true } })).map((r) => r.id);
const windows = trailingMonths("2026-10", 12).map((m) => monthWindow(m, "Europe/Berlin"));
const ctx = { repoIds, windows, config: { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0"] } };
const times = { direct: [] as number[], facts: [] as number[] };
for (let i = 0; i < Number(process.env.ROUNDS ?? 3); i++) {
  for (const [name, fn] of [
    ["direct", getItemKpis],
    ["facts", getItemKpisFromFacts],
  ] as const) {
    const t = performance.now();
    await fn(ctx);
    times[name].push(performance.now() - t);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `12-month item KPIs: direct ${times.direct.map(Math.round).join("/")} ms (median ${Math.round(med(times.direct))}), facts ${times.facts.map(Math.round).join("/")} ms (median ${Math.round(med(times.facts))})`,
);
await db.$disconnect();
