// A commit's checks are replaced by what GitHub lists now: runs and suites that disappeared go.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import type { GqlCheckRun, GqlCheckSuite } from "../queries/types";
import { writeCommitChecks } from "./write-items";

const run = (id: string, suite: string, conclusion: string): GqlCheckRun => ({
  __typename: "CheckRun",
  id,
  databaseId: null,
  name: `run ${id}`,
  status: "COMPLETED",
  conclusion,
  startedAt: "2026-11-01T00:00:00Z",
  completedAt: "2026-11-01T00:01:00Z",
  detailsUrl: null,
  checkSuite: {
    id: suite,
    databaseId: null,
    status: "COMPLETED",
    conclusion,
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:01:00Z",
    app: null,
    workflowRun: null,
  },
});

describe("writeCommitChecks", () => {
  it("drops suites and runs GitHub no longer lists for the commit, and keeps other commits' checks", async () => {
    const name = uniqueName("checks");
    const repo = await db.githubRepository.create({ data: { owner: "acme", name, key: `acme/${name}` } });
    const p = `${name}-`;
    await db.$transaction((tx) =>
      writeCommitChecks(tx, repo.id, [
        { oid: "a".repeat(40), contexts: [run(`${p}r1`, `${p}s1`, "FAILURE"), run(`${p}r2`, `${p}s2`, "SUCCESS")] },
        { oid: "b".repeat(40), contexts: [run(`${p}r3`, `${p}s3`, "SUCCESS")] },
      ]),
    );
    await db.$transaction((tx) =>
      writeCommitChecks(tx, repo.id, [{ oid: "a".repeat(40), contexts: [run(`${p}r2`, `${p}s2`, "SUCCESS")] }]),
    );
    const suites = await db.githubCheckSuite.findMany({ where: { repoId: repo.id }, orderBy: { id: "asc" } });
    expect(suites.map((s) => [s.id, s.commitOid[0]])).toEqual([
      [`${p}s2`, "a"],
      [`${p}s3`, "b"],
    ]);
    const runs = await db.githubCheckRun.findMany({ where: { repoId: repo.id }, orderBy: { id: "asc" } });
    expect(runs.map((r) => r.id)).toEqual([`${p}r2`, `${p}r3`]);
  });

  it("stores a suite without runs (STARTUP_FAILURE) from the commit's suite list; a write without the list keeps it", async () => {
    const name = uniqueName("runless");
    const repo = await db.githubRepository.create({ data: { owner: "acme", name, key: `acme/${name}` } });
    const p = `${name}-`;
    const oid = "c".repeat(40);
    const startup: GqlCheckSuite = {
      id: `${p}startup`,
      databaseId: 7,
      status: "COMPLETED",
      conclusion: "STARTUP_FAILURE",
      createdAt: "2026-11-01T00:00:00Z",
      updatedAt: "2026-11-01T00:00:05Z",
      app: { slug: "github-actions", name: "GitHub Actions" },
      workflowRun: { workflow: { name: "CI" } },
    };
    const queued: GqlCheckSuite = { ...startup, id: `${p}queued`, status: "QUEUED", conclusion: null };
    const withRuns = run(`${p}r1`, `${p}s1`, "SUCCESS");
    const suites = () =>
      db.githubCheckSuite
        .findMany({ where: { repoId: repo.id }, orderBy: { id: "asc" } })
        .then((rows) => rows.map((s) => [s.id.slice(p.length), s.conclusion]));
    await db.$transaction((tx) =>
      writeCommitChecks(tx, repo.id, [{ oid, contexts: [withRuns], suites: [withRuns.checkSuite, startup, queued] }]),
    );
    // Completed suites only: an app that never reports would otherwise look like CI running forever.
    expect(await suites()).toEqual([
      ["s1", "SUCCESS"],
      ["startup", "STARTUP_FAILURE"],
    ]);
    await db.$transaction((tx) => writeCommitChecks(tx, repo.id, [{ oid, contexts: [withRuns] }]));
    expect(await suites()).toEqual([
      ["s1", "SUCCESS"],
      ["startup", "STARTUP_FAILURE"],
    ]);
    await db.$transaction((tx) =>
      writeCommitChecks(tx, repo.id, [{ oid, contexts: [withRuns], suites: [withRuns.checkSuite] }]),
    );
    expect(await suites()).toEqual([["s1", "SUCCESS"]]);
  });
});
