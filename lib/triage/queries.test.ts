import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getTriageCounts, getTriageQueue, getTriageSummary } from "./queries";
import { DEFAULT_TRIAGE_CONFIG, TriageFilters } from "./schemas";
import { saveTriageConfig } from "./settings";
import { createTriageItems, createTriageRepo } from "./testing";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const h = (n: number) => new Date(NOW.getTime() - n * 3_600_000);
const d = (n: number) => h(n * 24);
const maya = ["maya", "user"] as ["maya", "user"];
const bot = ["stale-bot", "bot"] as ["stale-bot", "bot"];

async function seed() {
  const repo = await createTriageRepo();
  const other = await createTriageRepo();
  await createTriageItems(repo.id, [
    { number: 1, createdAt: h(50), comments: [{ at: h(49), author: ["dependabot", "bot"] }] },
    {
      number: 2,
      createdAt: h(10),
      labels: ["P1", "bug"],
      assignees: ["maya"],
      events: [{ at: h(9), kind: "labeled", label: "P1", actor: maya }],
    },
    { number: 3, createdAt: h(30), labels: ["priority-critical"] },
    {
      number: 4,
      createdAt: h(100),
      labels: ["P2"],
      comments: [{ at: h(80), author: ["carol", "user"] }],
      events: [{ at: h(99), kind: "labeled", label: "P2", actor: maya }],
    },
    {
      number: 5,
      createdAt: d(60),
      labels: ["P3"],
      comments: [
        { at: d(40), author: maya },
        { at: d(2), author: ["ci-bot", "bot"] },
      ],
    },
    {
      number: 6,
      createdAt: d(60),
      labels: ["P3"],
      comments: [
        { at: d(40), author: maya },
        { at: d(20), author: bot, body: DEFAULT_TRIAGE_CONFIG.staleComment },
      ],
    },
    {
      number: 7,
      kind: "pull_request",
      createdAt: h(5),
      author: ["dave", "user"],
      readyForReviewAt: h(5),
      reviews: [{ at: h(2), author: ["alice", "user"] }],
      reviewRequests: ["maya"],
    },
    { number: 8, kind: "pull_request", createdAt: h(1), isDraft: true },
    { number: 9, state: "CLOSED", createdAt: h(120), closedAt: h(100), labels: ["P2"] },
  ]);
  await createTriageItems(other.id, [{ number: 1, createdAt: h(500) }]);
  return repo;
}

describe("triage queries (hand-computed fixture)", () => {
  it("evaluates the queue, its tabs and Today's counts", async () => {
    const repo = await seed();
    const scope = { now: NOW, repositoryIds: [repo.id] };
    const all = await getTriageQueue(scope, TriageFilters.parse({ tab: "all" }));
    expect(all.counts).toEqual({ needs_triage: 3, waiting: 1, breached: 2, stale: 2, review: 1, all: 8 });
    expect(all.items.map((i) => [i.number, i.state, i.secondsLeft])).toEqual([
      [3, "breached", -6 * 3600],
      [1, "breached", -2 * 3600],
      [7, "within", 43 * 3600],
      [8, "within", 47 * 3600],
      [2, "within", 62 * 3600],
      [5, "responded_late", null],
      [6, "responded_late", null],
      [4, "responded", null],
    ]);
    const byNumber = new Map(all.items.map((i) => [i.number, i]));
    expect(byNumber.get(4)).toMatchObject({
      priority: "P2",
      firstResponseAt: h(80),
      responseSeconds: 20 * 3600,
      lastHumanActivityAt: h(80),
    });
    expect(byNumber.get(5)).toMatchObject({ stale: "ask", lastHumanActivityAt: d(40) });
    expect(byNumber.get(6)).toMatchObject({ stale: "close" });
    expect(byNumber.get(7)).toMatchObject({ firstResponseAt: h(2), reviewWaitingSince: h(5) });
    expect(byNumber.get(2)).toMatchObject({ type: "bug", assignees: ["maya"], firstPriorityAt: h(9) });
    expect(await getTriageCounts(scope)).toEqual({
      p0Breached: 1,
      untriagedOverdue: 1,
      stale: 2,
      waiting: 1,
      breached: 2,
      reviewQueue: 1,
    });
    const breached = await getTriageQueue(scope, TriageFilters.parse({ tab: "breached", priority: "untriaged" }));
    expect(breached.items.map((i) => i.number)).toEqual([1]);
    expect(breached.counts.breached).toBe(1);
  });

  it("summarizes response times per priority over a window", async () => {
    const repo = await seed();
    const summary = await getTriageSummary({ now: NOW, repositoryIds: [repo.id], days: 30 });
    const row = (p: string) => summary.rows.find((r) => r.priority === p);
    expect(summary.clock).toBe("calendar");
    expect(row("P0")).toMatchObject({
      items: 1,
      decided: 1,
      respondedWithinTarget: 0,
      shareWithinTarget: 0,
      medianResponseSeconds: null,
      breachedNow: 1,
    });
    expect(row("P1")).toMatchObject({ items: 1, decided: 0, shareWithinTarget: null });
    expect(row("P2")).toMatchObject({
      items: 2,
      decided: 2,
      respondedWithinTarget: 2,
      shareWithinTarget: 1,
      medianResponseSeconds: 20 * 3600,
    });
    expect(row("P3")).toMatchObject({ items: 0, breachedNow: 0 });
    expect(row("untriaged")).toMatchObject({ items: 3, decided: 1, shareWithinTarget: 0, breachedNow: 1 });
  });

  it("applies a repository's own mapping, targets and ignore list", async () => {
    const repo = await seed();
    const config = {
      ...DEFAULT_TRIAGE_CONFIG,
      priorityLabels: { ...DEFAULT_TRIAGE_CONFIG.priorityLabels, P0: ["P1"], P1: [] },
      ignoreLogins: ["Carol"],
    };
    await saveTriageConfig({ actor: { id: null, username: "test", ip: "127.0.0.1" } }, { repoId: repo.id, config });
    const all = await getTriageQueue({ now: NOW, repositoryIds: [repo.id] }, TriageFilters.parse({ tab: "all" }));
    const byNumber = new Map(all.items.map((i) => [i.number, i]));
    expect(byNumber.get(2)).toMatchObject({ priority: "P0", targetSeconds: 24 * 3600, state: "within" });
    expect(byNumber.get(4)).toMatchObject({ firstResponseAt: null, state: "within", secondsLeft: 68 * 3600 }); // carol is ignored now
    const audit = await db.auditLog.findFirst({
      where: { action: "triage_settings.updated", target: `${repo.owner}/${repo.name}` },
    });
    expect(audit?.detail).toEqual({ changed: ["priorityLabels", "ignoreLogins"] });
  });
});
