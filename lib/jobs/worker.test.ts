// Two workers on one Postgres register the same every-minute job; it must run once per tick, whatever
// minute the test starts in (no waiting for a minute boundary).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import { startWorker } from "@/lib/jobs/worker";

/** The cron ticks ("* * * * *") from `from` to `to`: the test may straddle a minute boundary instead of waiting for one. */
function ticksBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / 60_000) - Math.floor(from.getTime() / 60_000) + 1;
}

describe("recurring jobs with several workers", () => {
  it("runs a scheduled job once per tick, not once per worker", async () => {
    const name = uniqueName("probe").replace(/-/g, "_");
    let executions = 0;
    const job = { name, cron: "* * * * *", run: async () => ({ execution: ++executions }) };
    const options = {
      connectionString: process.env.DATABASE_URL!,
      jobs: [job],
      cronMonitorIntervalSeconds: 1,
      pollingIntervalSeconds: 1,
    };
    const started = new Date();
    const workers = await Promise.all([
      startWorker({ ...options, workerId: "w1" }),
      startWorker({ ...options, workerId: "w2" }),
    ]);
    try {
      await expect
        .poll(() => db.jobRun.count({ where: { job: name, finishedAt: { not: null } } }), {
          timeout: 25_000,
          interval: 500,
        })
        .toBeGreaterThanOrEqual(1);
      // Both workers keep checking the schedule every second; give the second one time to misbehave.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const runs = await db.jobRun.findMany({ where: { job: name }, orderBy: { startedAt: "asc" } });
    // One run per tick: two workers running each tick would give twice the ticks the test lasted.
    expect(runs.length).toBeLessThanOrEqual(ticksBetween(started, new Date()));
    expect(executions).toBe(runs.length);
    expect(runs[0]).toMatchObject({ error: null, result: { execution: 1 } });
    for (const run of runs) expect(["w1", "w2"]).toContain(run.workerId);
  }, 120_000);
});
