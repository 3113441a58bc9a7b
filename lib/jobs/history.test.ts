import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import { JOB_RUN_RETENTION_DAYS, deleteOldJobRuns } from "@/lib/jobs/history";

describe("deleteOldJobRuns", () => {
  it("removes runs older than the retention and keeps recent ones", async () => {
    const job = uniqueName("history");
    // Real "now": other tests share this database, and their rows are recent, so they are never touched.
    const now = new Date();
    const day = 86_400_000;
    const ages = [JOB_RUN_RETENTION_DAYS + 1, JOB_RUN_RETENTION_DAYS - 1, 0];
    await db.jobRun.createMany({
      data: ages.map((age, i) => ({
        job,
        jobId: `${job}-${i}`,
        workerId: "t",
        startedAt: new Date(now.getTime() - age * day),
      })),
    });
    expect(await deleteOldJobRuns(now)).toBeGreaterThanOrEqual(1);
    const left = await db.jobRun.findMany({ where: { job }, orderBy: { jobId: "asc" } });
    expect(left.map((r) => r.jobId)).toEqual([`${job}-1`, `${job}-2`]);
  });
});
