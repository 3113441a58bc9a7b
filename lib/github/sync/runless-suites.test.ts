// A workflow that fails to start leaves a check suite with no check runs (STARTUP_FAILURE): it is in no
// status rollup, so the sync reads the default-branch commits' suite lists too, and CI figures see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CheckSuiteData } from "@/lib/github/test-server";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "./sync-repository";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ name: "runless-suites", databaseId: 1961, seed: 13, issues: 4, pulls: 2 });
});
afterAll(async () => h.stop());

describe("check suites without check runs", () => {
  it("are stored for default-branch commits with their conclusion", async () => {
    const commit = h.repo.history.at(-1)!;
    const template = commit.checkSuites[0];
    const suite: CheckSuiteData = {
      __typename: "CheckSuite",
      id: "CS_runless_1961",
      databaseId: 196_100,
      app: template?.app ?? null,
      workflowRun: template?.workflowRun ?? null,
      status: "COMPLETED",
      conclusion: "STARTUP_FAILURE",
      createdAt: commit.committedDate,
      updatedAt: commit.committedDate,
      url: `${commit.url}/checks`,
      checkRuns: [],
    };
    commit.checkSuites.push(suite);
    await syncRepository(h.repoId, h.options());
    expect(h.server.stats.invalidQueries).toEqual([]);
    expect(await db.githubCheckSuite.findUnique({ where: { id: suite.id } })).toMatchObject({
      commitOid: commit.oid,
      status: "COMPLETED",
      conclusion: "STARTUP_FAILURE",
    });
    expect(await db.githubCheckRun.count({ where: { suiteId: suite.id } })).toBe(0);
  });
});
