// `npm run bench:storage`: the storage half of bench:pages alone — BENCH_TARGETS (100) HTTP targets with
// BENCH_RAW_DAYS (7) days of raw checks at 60 s and a day of response times, sealed as the rollup job
// leaves them, and 90 days of rollups (scripts/bench/pages-data.ts); then bytes per raw sample on disk
// and the projection (scripts/bench/storage.ts). A fresh <database>_bench with DATABASE_URL, else PGlite.
import { startBenchDatabase } from "./bench/database";
import { printHeader } from "./bench/header";
import { insertHealthData, lastWholeMinute } from "./bench/pages-data";
import { onExit, runBench } from "./bench/run";
import { printStorage } from "./bench/storage";

const TARGETS = Number(process.env.BENCH_TARGETS ?? 100);
const RAW_DAYS = Number(process.env.BENCH_RAW_DAYS ?? 7);

await runBench("bench:storage", async () => {
  const database = await startBenchDatabase();
  onExit("the benchmark database", () => database.stop());
  await printHeader(
    `bench:storage — ${TARGETS.toLocaleString("en")} HTTP targets with ${RAW_DAYS} d of raw checks at 60 s, sealed, and 90 d of rollups`,
    database,
  );
  const started = performance.now();
  const { samples } = await insertHealthData(
    database.url,
    { targets: TARGETS, rawDays: RAW_DAYS, rollupDays: 90 },
    database.embedded,
    lastWholeMinute(Date.now()),
  );
  console.log(
    `loaded and sealed ${samples.toLocaleString("en")} raw samples in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await printStorage(database.url, 14);
});
