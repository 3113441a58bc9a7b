// Hand-computed fixtures for every GitHub KPI. The month is March 2026 in Europe/Berlin: it starts
// 2026-02-28T23:00Z and ends 2026-03-31T22:00Z (DST began on 29 March), so items near the bounds
// fall in a different month than in UTC. Every expected number is worked out in the comments.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeWindows, toResults } from "./compute";
import { actors, at, createCommit, createItem, createRepo, createSuite } from "./fixtures";
import type { KpiValues, MetricsConfig } from "./types";
import { monthWindow } from "./window";

const { user, bot, ghost } = actors;
const TZ = "Europe/Berlin";
const CONFIG: MetricsConfig = { ignoreLogins: ["Release-Manager"], bugLabel: "bug", criticalLabels: ["P0"] };
let march: KpiValues;
let feb: KpiValues;
let repoId: string;

beforeAll(async () => {
  const repo = await createRepo();
  repoId = repo.id;
  const me = user("reporter");
  // #1 Mar 1 00:30 Berlin (Feb in UTC). Self-reply, bot, then alice after 10 h. Closed after 3 days (not a bug).
  await createItem(repoId, {
    number: 1,
    created: "2026-02-28T23:30:00Z",
    author: me,
    closed: "2026-03-03T23:30:00Z",
    labels: ["question"],
    comments: [
      [me, "2026-03-01T00:30:00Z"],
      [bot("github-actions"), "2026-03-01T01:30:00Z"],
      [user("alice"), "2026-03-01T09:30:00Z"],
    ],
    events: [["closed", "2026-03-03T23:30:00Z"]],
  });
  // #2 only bot responses: no response.
  await createItem(repoId, {
    number: 2,
    created: "2026-03-05T00:00:00Z",
    comments: [[bot("stale"), "2026-03-05T01:00:00Z"]],
  });
  // #3 deleted user and an ignored login first, then bob after 2 days (172,800 s).
  await createItem(repoId, {
    number: 3,
    created: "2026-03-10T00:00:00Z",
    comments: [
      [ghost(), "2026-03-10T01:00:00Z"],
      [user("release-manager"), "2026-03-10T01:00:00Z"],
      [user("bob"), "2026-03-12T00:00:00Z"],
    ],
  });
  // #4 Mar 31 23:30 Berlin: still March there; answered in April after 4 h (14,400 s).
  await createItem(repoId, {
    number: 4,
    created: "2026-03-31T21:30:00Z",
    comments: [[user("alice"), "2026-04-01T01:30:00Z"]],
  });
  // #5 Apr 1 00:30 Berlin: April, not counted.
  await createItem(repoId, { number: 5, created: "2026-03-31T22:30:00Z" });
  // #6 created in January, closed, reopened, closed in March: 64 days (5,529,600 s). Bug + P0.
  await createItem(repoId, {
    number: 6,
    created: "2026-01-10T00:00:00Z",
    closed: "2026-03-15T00:00:00Z",
    labels: ["bug", "P0"],
    events: [
      ["closed", "2026-02-01T00:00:00Z"],
      ["reopened", "2026-02-10T00:00:00Z"],
      ["closed", "2026-03-15T00:00:00Z"],
    ],
  });
  // #7 created in February, closed 3 March, reopened 25 March: open now, not counted as closed.
  await createItem(repoId, {
    number: 7,
    created: "2026-02-01T00:00:00Z",
    state: "OPEN",
    closed: "2026-03-03T00:00:00Z",
    events: [
      ["closed", "2026-03-03T00:00:00Z"],
      ["reopened", "2026-03-25T00:00:00Z"],
    ],
  });
  // #8 transferred in: keeps its December creation time. #9 transferred away: never counted.
  await createItem(repoId, { number: 8, created: "2025-12-01T00:00:00Z" });
  await createItem(repoId, { number: 9, created: "2026-03-11T00:00:00Z", removed: true });
  // #10 bug + P0 closed after 1 day (86,400 s), answered after 12 h (43,200 s); no stored events.
  await createItem(repoId, {
    number: 10,
    created: "2026-03-12T00:00:00Z",
    closed: "2026-03-13T00:00:00Z",
    labels: ["Bug", "p0"],
    comments: [[user("alice"), "2026-03-12T12:00:00Z"]],
  });

  const pr = "pull_request" as const;
  const carol = user("carol");
  // P11: review by alice after 5 h (18,000 s) after a self-comment and a bot review; merged after 1 day.
  await createItem(repoId, {
    number: 11,
    kind: pr,
    created: "2026-03-02T00:00:00Z",
    author: carol,
    merged: "2026-03-03T00:00:00Z",
    comments: [[carol, "2026-03-02T01:00:00Z"]],
    reviews: [
      [bot("copilot"), "2026-03-02T02:00:00Z"],
      [user("alice"), "2026-03-02T05:00:00Z", "APPROVED"],
    ],
  });
  // P12 opened as draft, ready 6 March: comment during the draft (86,400 s); review 6 h after ready (21,600 s); merged 1 day after ready.
  await createItem(repoId, {
    number: 12,
    kind: pr,
    created: "2026-03-04T00:00:00Z",
    author: user("frank"),
    merged: "2026-03-07T00:00:00Z",
    comments: [[user("alice"), "2026-03-05T00:00:00Z"]],
    reviews: [[user("bob"), "2026-03-06T06:00:00Z"]],
    events: [["ready_for_review", "2026-03-06T00:00:00Z"]],
  });
  // P13 still a draft: not in the review cohort; no response.
  await createItem(repoId, { number: 13, kind: pr, created: "2026-03-08T00:00:00Z", isDraft: true });
  // P14 closed unmerged; review after 1 h (3,600 s).
  await createItem(repoId, {
    number: 14,
    kind: pr,
    created: "2026-03-09T00:00:00Z",
    closed: "2026-03-10T00:00:00Z",
    reviews: [[user("dave"), "2026-03-09T01:00:00Z"]],
  });
  // P15 created in February, merged 1 March 01:00 Berlin: 9 days (777,600 s). erin's first merge.
  await createItem(repoId, {
    number: 15,
    kind: pr,
    created: "2026-02-20T00:00:00Z",
    author: user("erin"),
    merged: "2026-03-01T00:00:00Z",
  });
  // P16 a bot's PR, reviewed after 30 min (1,800 s), merged after 1 h (3,600 s); bots are never new contributors.
  await createItem(repoId, {
    number: 16,
    kind: pr,
    created: "2026-03-11T00:00:00Z",
    author: bot("dependabot"),
    merged: "2026-03-11T01:00:00Z",
    reviews: [[user("alice"), "2026-03-11T00:30:00Z"]],
  });
  // P17 only a pending review: no response, no review.
  await createItem(repoId, { number: 17, kind: pr, created: "2026-03-12T00:00:00Z", reviews: [[user("alice"), null]] });
  // P18 opened ready, turned into a draft, ready again: the clock starts at creation; review after 2 h (7,200 s).
  await createItem(repoId, {
    number: 18,
    kind: pr,
    created: "2026-03-14T00:00:00Z",
    reviews: [[user("bob"), "2026-03-14T02:00:00Z"]],
    events: [
      ["convert_to_draft", "2026-03-14T01:00:00Z"],
      ["ready_for_review", "2026-03-15T00:00:00Z"],
    ],
  });
  // P19 Carol's earlier merge (January, login in another case): carol is not new in March.
  await createItem(repoId, {
    number: 19,
    kind: pr,
    created: "2026-01-05T00:00:00Z",
    author: user("Carol"),
    merged: "2026-01-06T00:00:00Z",
  });

  await db.githubSecurityAlert.createMany({
    data: [
      {
        id: `A1_${repoId}`,
        repoId,
        number: 1,
        state: "OPEN",
        severity: "CRITICAL",
        manifestPath: "p",
        createdAt: at("2026-01-01T00:00:00Z"),
      },
      {
        id: `A2_${repoId}`,
        repoId,
        number: 2,
        state: "FIXED",
        severity: "HIGH",
        manifestPath: "p",
        createdAt: at("2026-02-01T00:00:00Z"),
        fixedAt: at("2026-03-10T00:00:00Z"),
      },
      {
        id: `A3_${repoId}`,
        repoId,
        number: 3,
        state: "OPEN",
        severity: "MODERATE",
        manifestPath: "p",
        createdAt: at("2026-03-31T21:00:00Z"),
      },
      {
        id: `A4_${repoId}`,
        repoId,
        number: 4,
        state: "DISMISSED",
        severity: "LOW",
        manifestPath: "p",
        createdAt: at("2026-03-01T00:00:00Z"),
        dismissedAt: at("2026-04-05T00:00:00Z"),
      },
      {
        id: `A5_${repoId}`,
        repoId,
        number: 5,
        state: "AUTO_DISMISSED",
        severity: null,
        manifestPath: "p",
        createdAt: at("2026-02-15T00:00:00Z"),
        autoDismissedAt: at("2026-03-01T00:00:00Z"),
      },
    ],
  });
  const rel = (n: number, published: string | null, pre: boolean, draft = false) => ({
    id: `RE${n}_${repoId}`,
    repoId,
    tagName: `v${n}`,
    isDraft: draft,
    isPrerelease: pre,
    isLatest: false,
    url: "u",
    createdAt: at("2026-01-01T00:00:00Z"),
    updatedAt: at("2026-01-01T00:00:00Z"),
    publishedAt: published ? at(published) : null,
  });
  await db.githubRelease.createMany({
    data: [
      rel(1, "2026-03-05T00:00:00Z", false),
      rel(2, "2026-03-20T00:00:00Z", true),
      rel(3, null, false, true),
      rel(4, "2026-02-10T00:00:00Z", false),
    ],
  });

  await createCommit(repoId, "c1", "2026-03-02T09:00:00Z");
  await createCommit(repoId, "c2", "2026-03-04T09:00:00Z");
  await createSuite(repoId, "c1", "SUCCESS", ["2026-03-02T09:30:00Z", "2026-03-02T10:00:00Z"], "2026-03-02T10:00:00Z");
  await createSuite(repoId, "c1", "FAILURE", ["2026-03-03T00:00:00Z"], "2026-03-03T00:00:00Z");
  await createSuite(repoId, "c2", "STARTUP_FAILURE", [], "2026-03-04T10:00:00Z");
  await createSuite(repoId, "c2", "NEUTRAL", ["2026-03-05T00:00:00Z"], "2026-03-05T00:00:00Z");
  await createSuite(repoId, "c2", "SUCCESS", ["2026-04-02T00:00:00Z"], "2026-04-02T00:00:00Z");
  await createSuite(repoId, "pr-head", "SUCCESS", ["2026-03-06T00:00:00Z"], "2026-03-06T00:00:00Z");

  const day = (d: string, stars: number, forks: number) => ({
    repoId,
    day: at(`${d}T00:00:00Z`),
    stars,
    forks,
    watchers: 1,
  });
  await db.githubRepoStatsDaily.createMany({
    data: [day("2026-02-27", 10, 2), day("2026-02-28", 12, 2), day("2026-03-30", 20, 3), day("2026-03-31", 25, 4)],
  });

  const values = await computeWindows([repoId], [monthWindow("2026-02", TZ), monthWindow("2026-03", TZ)], CONFIG);
  feb = values[0]!;
  march = values[1]!;
});

const v = (values: KpiValues, id: string) => values[id]?.value;

describe("issue KPIs (March 2026, Europe/Berlin)", () => {
  it("opened: #1 #2 #3 #4 #10 (not #5, April in Berlin; not #9, transferred away; not #8, created in December)", () => {
    expect(v(march, "issues.opened")).toBe(5);
    expect(v(feb, "issues.opened")).toBe(1); // #7
  });
  it("closed: #1 #6 #10 (closed now, last close in March); not #7, reopened", () => {
    expect(v(march, "issues.closed")).toBe(3);
    expect(v(feb, "issues.closed")).toBe(0);
  });
  it("open at the end replays close/reopen events: #2 #3 #4 #7 #8", () => {
    expect(v(march, "issues.open_at_end")).toBe(5);
    expect(v(feb, "issues.open_at_end")).toBe(3); // #6 (reopened 10 Feb), #7, #8
  });
  it("first response ignores self, bots, deleted users and the ignore list; even-sized median", () => {
    // 14,400 · 36,000 · 43,200 · 172,800 → median (36,000 + 43,200) / 2, p90 rank ⌈3.6⌉ = 4.
    expect(v(march, "issues.first_response.median")).toBe(39_600);
    expect(v(march, "issues.first_response.p90")).toBe(172_800);
    expect(v(march, "issues.first_response.mean")).toBe(66_600);
    expect(v(march, "issues.first_response.count")).toBe(4);
    expect(v(march, "issues.first_response.without")).toBe(1); // #2: bots only
  });
  it("time to close: 86,400 · 259,200 · 5,529,600", () => {
    expect(v(march, "issues.time_to_close.median")).toBe(259_200);
    expect(v(march, "issues.time_to_close.p90")).toBe(5_529_600);
    expect(v(march, "issues.time_to_close.mean")).toBe(1_958_400);
    expect(v(march, "issues.time_to_close.count")).toBe(3);
    expect(v(feb, "issues.time_to_close.median")).toBeNull();
  });
  it("bug MTTR (labels case-insensitive): #6 and #10; P0 within a week: 1 of 2", () => {
    expect(v(march, "bugs.mttr.median")).toBe(2_808_000);
    expect(v(march, "bugs.mttr.p90")).toBe(5_529_600);
    expect(v(march, "bugs.mttr.mean")).toBe(2_808_000);
    expect(v(march, "bugs.mttr.count")).toBe(2);
    expect(v(march, "bugs.p0_within_week")).toBe(0.5);
    expect(v(feb, "bugs.p0_within_week")).toBeNull();
  });
});

describe("pull request KPIs", () => {
  it("opened, merged (P11 P12 P15 P16), closed unmerged (P14), merge rate", () => {
    expect(v(march, "prs.opened")).toBe(7);
    expect(v(march, "prs.merged")).toBe(4);
    expect(v(march, "prs.closed_unmerged")).toBe(1);
    expect(v(march, "prs.merge_rate")).toBe(0.8);
    expect(v(feb, "prs.merge_rate")).toBeNull();
  });
  it("first response counts comments and submitted reviews: 1,800 · 3,600 · 7,200 · 18,000 · 86,400", () => {
    expect(v(march, "prs.first_response.median")).toBe(7_200);
    expect(v(march, "prs.first_response.p90")).toBe(86_400);
    expect(v(march, "prs.first_response.mean")).toBe(23_400);
    expect(v(march, "prs.first_response.without")).toBe(2); // P13, P17
  });
  it("time to first review starts when a draft became ready: 1,800 · 3,600 · 7,200 · 18,000 · 21,600", () => {
    expect(v(march, "prs.time_to_first_review.median")).toBe(7_200);
    expect(v(march, "prs.time_to_first_review.p90")).toBe(21_600);
    expect(v(march, "prs.time_to_first_review.mean")).toBe(10_440);
    expect(v(march, "prs.time_to_first_review.count")).toBe(5);
  });
  it("time to merge: 3,600 · 86,400 · 86,400 · 777,600", () => {
    expect(v(march, "prs.time_to_merge.median")).toBe(86_400);
    expect(v(march, "prs.time_to_merge.p90")).toBe(777_600);
    expect(v(march, "prs.time_to_merge.mean")).toBe(238_500);
  });
  it("new contributors: frank and erin (carol merged in January, bots never count)", () => {
    expect(v(march, "community.new_contributors")).toBe(2);
  });
});

describe("alerts, releases, CI, community", () => {
  it("open alerts at the end by severity", () => {
    expect([
      v(march, "alerts.open_at_end.critical"),
      v(march, "alerts.open_at_end.high"),
      v(march, "alerts.open_at_end.moderate"),
      v(march, "alerts.open_at_end.low"),
      v(march, "alerts.open_at_end.total"),
    ]).toEqual([1, 0, 1, 1, 3]);
    expect([
      v(feb, "alerts.open_at_end.critical"),
      v(feb, "alerts.open_at_end.high"),
      v(feb, "alerts.open_at_end.total"),
    ]).toEqual([1, 1, 3]);
  });
  it("releases published and pre-releases (drafts never)", () => {
    expect([v(march, "releases.published"), v(march, "releases.prereleases"), v(feb, "releases.published")]).toEqual([
      2, 1, 1,
    ]);
  });
  it("CI: suites of default-branch commits completed in March, startup failure without runs included", () => {
    expect(v(march, "ci.completed")).toBe(4); // success, failure, startup failure, neutral
    expect(v(march, "ci.pass_rate")).toBeCloseTo(1 / 3, 12);
    expect(march["ci.pass_rate"]?.count).toBe(3);
  });
  it("stars and forks from the last snapshot whose day ended before each bound", () => {
    expect([
      v(march, "community.stars"),
      v(march, "community.forks"),
      v(march, "community.stars.change"),
      v(march, "community.forks.change"),
    ]).toEqual([20, 3, 10, 1]);
  });
});

describe("the report", () => {
  it("compares with the previous period and judges targets", () => {
    const results = toResults(march, feb);
    const closed = results.find((r) => r.id === "issues.closed");
    expect(closed?.previous).toEqual({ value: 0, delta: 3, good: "up", change: "better" });
    const response = results.find((r) => r.id === "issues.first_response.mean");
    expect(response?.target?.status).toBe("green"); // 66,600 s < 3 days
    const mttr = results.find((r) => r.id === "bugs.mttr.mean");
    expect(mttr?.target?.status).toBe("red"); // 32.5 days ≥ 3 weeks
    expect(results.find((r) => r.id === "ci.pass_rate")?.target?.status).toBe("red");
    expect(typeof results.find((r) => r.id === "incidents.count")?.value).toBe("number"); // the board, never "no data"
  });
  it("a UTC month differs at the bounds: #1 is February and #5 is March in UTC", async () => {
    const [utcFeb] = await computeWindows([repoId], [monthWindow("2026-02", "UTC")], CONFIG);
    expect(v(utcFeb!, "issues.opened")).toBe(2);
  });
});
