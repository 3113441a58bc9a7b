// "Sync now" goes through the job queue: one queued run per repository however often it is asked.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopJobSender } from "@/lib/jobs/queue";
import { uniqueName } from "@/lib/testing/factories";
import { requestRepositorySync, runScheduledGithubSync } from "./jobs";

process.env.GITHUB_TOKEN = "test-token"; // scheduling is skipped without one

afterAll(() => stopJobSender());

const queued = async (repoId: string) =>
  (
    await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'github-sync-repo' AND singleton_key = $1 AND state = 'created'`,
      repoId,
    )
  )[0]?.n;

describe("requestRepositorySync", () => {
  it("queues one sync per repository, however many times it is asked", async () => {
    const name = uniqueName("jobs");
    const repo = await db.githubRepository.create({ data: { owner: "acme", name, key: `acme/${name}` } });
    const first = await requestRepositorySync(repo.id);
    expect(first).toMatchObject({ status: "queued", jobId: expect.any(String) });
    expect(await requestRepositorySync(repo.id)).toEqual({ status: "already-queued", jobId: null });
    const scheduled = await runScheduledGithubSync();
    expect(scheduled.repositories).toBeGreaterThanOrEqual(1);
    expect(await queued(repo.id)).toBe(1n);

    await db.githubRepository.update({
      where: { id: repo.id },
      data: { syncLeaseUntil: new Date(Date.now() + 60_000) },
    });
    await db.$executeRawUnsafe(
      `UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = 'github-sync-repo' AND singleton_key = $1`,
      repo.id,
    );
    expect((await requestRepositorySync(repo.id)).status).toBe("queued"); // one may wait behind the running one
    expect(await requestRepositorySync(repo.id)).toEqual({ status: "running", jobId: null });
  });
});
