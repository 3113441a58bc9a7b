import { describe, expect, it } from "vitest";
import { DEFAULT_UPDATE_TARGETS } from "./targets";
import { getAlertHistory, listOpenAlerts } from "./alerts";
import { getUpdateMergeStats, listOpenUpdatePulls } from "./update-pulls";
import { createAlert, createDepsRepo, createPull } from "./test-factories";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const ago = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const ctx = { now: NOW, targets: DEFAULT_UPDATE_TARGETS };

describe("security alerts", () => {
  it("lists open alerts breached first, with age and target; history and mean time to fix", async () => {
    const repo = await createDepsRepo();
    await createAlert(repo.id, { number: 1, pkg: "lodash", severity: "LOW", at: ago(10) });
    await createAlert(repo.id, { number: 2, pkg: "minimist", severity: "CRITICAL", at: ago(30) });
    await createAlert(repo.id, { number: 3, pkg: "qs", severity: "HIGH", at: ago(20) });
    await createAlert(repo.id, {
      number: 4,
      pkg: "ws",
      severity: "HIGH",
      at: ago(100),
      state: "FIXED",
      fixedAt: ago(90),
    });
    await createAlert(repo.id, {
      number: 5,
      pkg: "tar",
      severity: "LOW",
      at: ago(100),
      state: "FIXED",
      fixedAt: ago(70),
    });
    await createAlert(repo.id, {
      number: 6,
      pkg: "ip",
      severity: "LOW",
      at: ago(100),
      state: "DISMISSED",
      dismissedAt: ago(99),
    });
    const open = await listOpenAlerts(ctx, [repo.id]);
    expect(open.map((a) => [a.number, a.sla])).toEqual([
      [2, "breached"],
      [3, "due_soon"],
      [1, "within"],
    ]);
    expect(open[0]).toMatchObject({
      ageSeconds: 108_000,
      targetSeconds: 86_400,
      class: "security",
      packageName: "minimist",
    });
    const history = await getAlertHistory([repo.id]);
    // (10 h + 30 h) / 2 = 20 h; the dismissed one is listed, not averaged.
    expect(history.meanSecondsToFix).toBe(72_000);
    expect(history.fixedCount).toBe(2);
    expect(history.closed.map((a) => a.number)).toEqual([5, 4, 6]);
  });
});

describe("update pull requests", () => {
  it("classifies open bot PRs, skips people and non-updates, and puts breached first", async () => {
    const repo = await createDepsRepo();
    await createPull(repo.id, {
      number: 1,
      title: "Bump lodash from 4.17.20 to 4.17.21",
      at: ago(200),
      checkState: "SUCCESS",
      reviewDecision: "REVIEW_REQUIRED",
    });
    await createPull(repo.id, {
      number: 2,
      title: "chore(deps): update dependency eslint to v9.2.0",
      body: "Updates `eslint` from 9.1.0 to 9.2.0",
      at: ago(300),
      author: ["renovate", "bot"],
    });
    await createPull(repo.id, { number: 3, title: "Bump react from 18.3.1 to 19.0.0", at: ago(2000) });
    await createPull(repo.id, {
      number: 4,
      title: "Bump lodash from 4.17.20 to 4.17.21",
      at: ago(500),
      author: ["maya", "user"],
    });
    await createPull(repo.id, { number: 5, title: "Bump minimist from 1.2.5 to 1.2.6", at: ago(30) });
    await createPull(repo.id, {
      number: 6,
      title: "Add release workflow",
      at: ago(30),
      author: ["github-actions", "bot"],
    });
    await createPull(repo.id, { number: 7, title: "Bump the npm group with 2 updates", at: ago(10) });
    await createAlert(repo.id, { number: 1, pkg: "minimist", severity: "HIGH", at: ago(40) });
    const pulls = await listOpenUpdatePulls(ctx, [repo.id]);
    expect(pulls.map((p) => [p.number, p.class, p.sla])).toEqual([
      [1, "patch", "breached"], // 200 h > 168 h
      [5, "security", "breached"], // HIGH alert on minimist: 30 h > 24 h
      [2, "minor", "due_soon"], // 300 h ≥ 0.75 × 336 h = 252 h
      [7, "unknown", "unknown"], // a group without a body: no class, no target
      [3, "major", "within"], // no target
    ]);
    expect(pulls[0]).toMatchObject({ ciState: "SUCCESS", reviewState: "REVIEW_REQUIRED", targetSeconds: 604_800 });
  });

  it("time to merge: median and mean over update PRs merged in the last 90 days", async () => {
    const repo = await createDepsRepo();
    await createPull(repo.id, {
      number: 1,
      title: "Bump a from 1.0.0 to 1.0.1",
      at: ago(100),
      state: "MERGED",
      mergedAt: ago(90),
    });
    await createPull(repo.id, {
      number: 2,
      title: "Bump b from 1.0.0 to 1.0.1",
      at: ago(100),
      state: "MERGED",
      mergedAt: ago(70),
    });
    await createPull(repo.id, {
      number: 3,
      title: "Bump c from 1.0.0 to 1.0.1",
      at: ago(100),
      state: "MERGED",
      mergedAt: ago(40),
    });
    await createPull(repo.id, {
      number: 4,
      title: "Bump d from 1.0.0 to 1.0.1",
      at: ago(100),
      state: "CLOSED",
      closedAt: ago(50),
    });
    await createPull(repo.id, {
      number: 5,
      title: "Bump e from 1.0.0 to 1.0.1",
      at: ago(5000),
      state: "MERGED",
      mergedAt: ago(4000),
    });
    const stats = await getUpdateMergeStats({ now: NOW }, [repo.id]);
    // durations 10 h, 30 h, 60 h → median 30 h, mean 33⅓ h; #5 merged 166 days ago is outside.
    expect(stats).toEqual({
      merged: 3,
      closedUnmerged: 1,
      medianSecondsToMerge: 108_000,
      meanSecondsToMerge: 120_000,
      windowDays: 90,
    });
  });
});
