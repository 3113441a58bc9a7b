// Two workers on one Postgres register the same every-minute job; within one minute it must run once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import { startWorker } from "@/lib/jobs/worker";

/** Waits until early in a wall-clock minute, so the whole test fits inside one cron tick. */
async function waitForStartOfMinute(): Promise<void> {
  const second = new Date().getUTCSeconds();
  if (second > 25) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe("recurring jobs with several workers", () => {
  it("runs a scheduled job once per tick, not once per worker", async () => {
    const name = uniqueName("probe").replace(/-/g, "_");
    let executions = 0;
    const job = { name, cron: "* * * * *", run: async () => ({ execution: ++executions }) };
    const options = { connectionString: process.env.DATABASE_URL!, jobs: [job], cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 1 };
    await waitForStartOfMinute();
    const minute = new Date().toISOString().slice(0, 16);
    const workers = await Promise.all([startWorker({ ...options, workerId: "w1" }), startWorker({ ...options, workerId: "w2" })]);
    try {
      await expect
        .poll(() => db.jobRun.count({ where: { job: name, finishedAt: { not: null } } }), { timeout: 25_000, interval: 500 })
        .toBe(1);
      // Both workers keep checking the schedule every second; give the second one time to misbehave.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(new Date().toISOString().slice(0, 16)).toBe(minute); // still the same tick
    const runs = await db.jobRun.findMany({ where: { job: name } });
    expect(runs).toHaveLength(1);
    expect(executions).toBe(1);
    expect(runs[0]).toMatchObject({ error: null, result: { execution: 1 } });
    expect(["w1", "w2"]).toContain(runs[0]!.workerId);
  }, 120_000);
});
