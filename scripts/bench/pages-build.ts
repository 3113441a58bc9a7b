// bench:pages' data set: built (items, health, incidents, checklist year) or, when a persistent database
// holds a complete one of the same size, brought up to now. Import after DATABASE_URL is set (it loads
// @/lib/db through pages-records).
import { insertMetricsData } from "./metrics-data";
import { insertHealthData, lastWholeMinute, refreshHealthData } from "./pages-data";
import { PAGES_DATA_FORMAT, writeMark, type PagesDatabase, type PagesDataSize } from "./pages-dataset";
import { insertChecklistYear, insertIncidents, refreshChecklistRuns } from "./pages-records";
import { db } from "@/lib/db";
import { rebuildItemFacts } from "@/lib/metrics/facts/refresh";
import { rebuildTriageOutcomes } from "@/lib/triage/outcomes";

const n = (value: number) => value.toLocaleString("en");

function stopwatch() {
  let t = performance.now();
  return () => {
    const s = ((performance.now() - t) / 1000).toFixed(1);
    t = performance.now();
    return `${s} s`;
  };
}

/** Builds the whole data set; on a persistent database, records it for reuse. Returns the target ids. */
export async function buildPagesData(database: PagesDatabase, size: PagesDataSize): Promise<string[]> {
  const lap = stopwatch();
  const end = lastWholeMinute(Date.now());
  const repo = await db.githubRepository.create({
    data: { owner: "bench", name: "metrics", key: "bench/metrics", defaultBranch: "main" },
  });
  await insertMetricsData(database.url, repo.id, size.items);
  console.log(`data: ${n(size.items)} issues + PRs with comments, reviews, events, CI (${lap()})`);
  await buildDerivedRows(lap);
  const health = await insertHealthData(database.url, size, database.embedded, end);
  console.log(
    `data: ${n(size.targets)} targets, ${n(health.samples)} raw samples (${database.embedded ? "INSERT … SELECT generate_series" : "COPY … FROM STDIN"}), ${n(health.rollups)} hour/day rollups (${lap()})`,
  );
  await insertIncidents(size.incidents, health.targetIds, new Date());
  const runs = await insertChecklistYear(new Date());
  console.log(`data: ${size.incidents} incidents, ${n(runs)} checklist runs over a year (${lap()})`);
  if (database.persistent)
    await writeMark(database.url, {
      ...size,
      format: PAGES_DATA_FORMAT,
      rawEndMs: end,
      builtAt: new Date().toISOString(),
    });
  return health.targetIds;
}

/** Brings a reused data set up to now (raw samples, rollups, checklist runs) and records its new end. */
export async function refreshPagesData(database: PagesDatabase, size: PagesDataSize): Promise<string[]> {
  const mark = database.reusable!;
  const lap = stopwatch();
  const end = lastWholeMinute(Date.now());
  const health = await refreshHealthData(database.url, size, mark.rawEndMs, end);
  console.log(
    `data: reused (built ${mark.builtAt}); ${n(health.added)} samples and rollups added up to now, ${n(health.deleted)} aged out (${lap()})`,
  );
  const runs = await refreshChecklistRuns(new Date());
  console.log(`data: ${n(runs)} checklist runs after making the due ones (${lap()})`);
  // Data sets built before the bench built the item facts had none: the Metrics page then computed
  // its item KPIs over an empty table (fast, and not what a synced database gives).
  const [{ facts }] = await db.$queryRaw<[{ facts: number }]>`SELECT count(*)::int AS facts FROM "GithubItemFact"`;
  if (facts === 0) await buildDerivedRows(lap);
  await writeMark(database.url, { ...mark, rawEndMs: end });
  return health.targetIds;
}

/**
 * The rows the sync keeps beside the items it writes (item facts for Metrics, triage outcomes for the
 * Triage queue and Today): bulk-loaded items get them as a bulk load should (CONTRIBUTING.md).
 */
async function buildDerivedRows(lap: () => string): Promise<void> {
  const facts = await rebuildItemFacts(db);
  const outcomes = await rebuildTriageOutcomes(
    await db.githubRepository.findUniqueOrThrow({ where: { key: "bench/metrics" }, select: { id: true, key: true } }),
  );
  // What autovacuum does after a bulk write on a default PostgreSQL (it is off on some machines, e.g. CI
  // images): statistics, and the visibility map the KPI queries' index-only scans rely on.
  await db.$executeRawUnsafe(`VACUUM ANALYZE "GithubItem", "GithubItemFact", "TriageOutcome"`);
  await db.$executeRawUnsafe(`ANALYZE`);
  console.log(`data: item facts for ${n(facts)} items, triage outcomes for ${n(outcomes)} (${lap()})`);
}
