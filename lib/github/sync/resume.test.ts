// Killed between pages, or fed 20 % failures, a sync must end with the same database as an
// uninterrupted one. Each scenario syncs the same generated data into a fresh repository row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dumpRepository } from "../testing/dump";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "./sync-repository";

let h: Harness;
let reference: unknown;
const small = { issues: 40, pulls: 30 }; // several pages of each

/** Forgets everything synced, as if the repository had just been added. */
async function resetRepository(): Promise<void> {
  const repo = await db.githubRepository.findUniqueOrThrow({ where: { id: h.repoId } });
  await db.githubRepository.delete({ where: { id: h.repoId } });
  const again = await db.githubRepository.create({ data: { owner: repo.owner, name: repo.name, key: repo.key } });
  h.repoId = again.id;
  h.server.setFaults({});
}

beforeAll(async () => {
  h = await startHarness({
    name: "resume",
    databaseId: 1201,
    seed: 8,
    issues: 300,
    pulls: 150,
    historyCommits: 20,
    releases: 5,
    alerts: 5,
  });
  const result = await syncRepository(h.repoId, h.options({ pageSizes: small }));
  expect(result.status).toBe("succeeded");
  reference = await dumpRepository(h.repoId);
});
afterAll(() => h.stop());

describe("interrupted and failing syncs", () => {
  it.each([3, 6, 9])("resumes after being stopped after page %i", async (stopAfter) => {
    await resetRepository();
    const stop = new Error("killed");
    const first = await syncRepository(
      h.repoId,
      h.options({
        pageSizes: small,
        onProgress: (p) => {
          if (p.pages === stopAfter) throw stop;
        },
      }),
    );
    expect(first).toMatchObject({ status: "failed", error: "killed" });
    expect(await db.githubItem.count({ where: { repoId: h.repoId } })).toBeLessThan(450);
    h.server.stats.reset();
    const second = await syncRepository(h.repoId, h.options({ pageSizes: small }));
    expect(second.status).toBe("succeeded");
    expect(second.progress!.items).toBeLessThan(450); // resumed, not started over
    expect(await dumpRepository(h.repoId)).toEqual(reference);
  });

  it("resumes after an abort signal mid-request", async () => {
    await resetRepository();
    h.server.setLatency(30);
    const controller = new AbortController();
    const first = syncRepository(
      h.repoId,
      h.options({
        pageSizes: small,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.pages === 5) setTimeout(() => controller.abort(), 10);
        },
      }),
    );
    expect(await first).toMatchObject({ status: "interrupted" });
    h.server.setLatency(0);
    expect((await syncRepository(h.repoId, h.options({ pageSizes: small }))).status).toBe("succeeded");
    expect(await dumpRepository(h.repoId)).toEqual(reference);
  });

  it("loses nothing with 20 % injected faults", async () => {
    await resetRepository();
    h.server.stats.reset();
    h.server.setFaults({
      seed: 2,
      retryAfterSeconds: 0,
      probability: { "502": 0.05, "504": 0.05, "secondary-rate-limit": 0.05, "truncated-json": 0.05 },
    });
    const result = await syncRepository(h.repoId, h.options({ pageSizes: { issues: 20, pulls: 10 } }));
    expect(result.status).toBe("succeeded");
    const faults = h.server.stats.requests.filter((r) => r.fault !== null);
    console.log(`[github sync] ${faults.length} faults in ${h.server.stats.requests.length} requests`);
    expect(faults.length).toBeGreaterThan(8);
    expect(h.server.stats.invalidQueries).toEqual([]);
    expect(await dumpRepository(h.repoId)).toEqual(reference);
  });
});
