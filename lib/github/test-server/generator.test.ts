import { describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import { groundTruth } from "./ground-truth";
import type { ItemData } from "./types";

const small = () => generateRepo({ owner: "acme", name: "widgets", seed: 7, issues: 1200, pulls: 300 });

/** Labels an item should have, replaying its LabeledEvent / UnlabeledEvent history in order. */
function replayLabels(item: ItemData): string[] {
  const labels = new Set<string>();
  for (const e of item.events) {
    if (e.__typename === "LabeledEvent") labels.add(e.label.name);
    if (e.__typename === "UnlabeledEvent") labels.delete(e.label.name);
  }
  return [...labels].sort();
}

describe("generateRepo", () => {
  it("builds 20k issues + PRs (the time is printed; speed is measured by benchmarks, not asserted)", () => {
    const started = performance.now();
    const repo = generateRepo({ owner: "acme", name: "big", seed: 1, issues: 15_000, pulls: 5_000 });
    const ms = performance.now() - started;
    console.log(`generated 20,000 issues + PRs in ${ms.toFixed(0)} ms`);
    expect(repo.items).toHaveLength(20_000);
  });

  it("gives deep-equal data (lazy comments and commits included) for the same seed, different for another", () => {
    const a = small();
    const b = small();
    expect(a).toEqual(b);
    expect(groundTruth(a)).toEqual(groundTruth(b));
    const other = generateRepo({ owner: "acme", name: "widgets", seed: 8, issues: 1200, pulls: 300 });
    expect(groundTruth(other).items.map((i) => i.title)).not.toEqual(groundTruth(a).items.map((i) => i.title));
  });

  it("shares one number sequence with exact issue / PR counts", () => {
    const repo = small();
    expect(repo.items.map((i) => i.number)).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
    expect(repo.items.filter((i) => i.__typename === "Issue")).toHaveLength(1200);
    expect(repo.items.filter((i) => i.__typename === "PullRequest")).toHaveLength(300);
  });

  it("has the awkward data real repositories have", () => {
    const repo = small();
    const bodies = repo.items.map((i) => i.body);
    expect(bodies.some((b) => b.includes("\u0000"))).toBe(true);
    expect(bodies.some((b) => /\p{Extended_Pictographic}/u.test(b))).toBe(true);
    expect(bodies.some((b) => /[\u3040-\u30ff\u0400-\u04ff\u0600-\u06ff]/.test(b))).toBe(true);
    const authors = repo.items.map((i) => i.author);
    expect(authors.some((a) => a === null)).toBe(true);
    const bots = authors.filter((a) => a?.__typename === "Bot").map((a) => a?.login);
    expect(bots).toContain("dependabot");
    expect(bots.every((login) => !login?.endsWith("[bot]"))).toBe(true);
    expect(Math.max(...repo.items.map((i) => i.commentCount))).toBeGreaterThan(100);
    expect(Math.max(...repo.items.map((i) => i.commentCount))).toBeLessThanOrEqual(250);
    const labels = new Set(repo.items.flatMap((i) => i.labels.map((l) => l.name)));
    for (const name of ["P0", "P1", "P2", "P3", "bug", "enhancement", "status-stale"]) expect(labels).toContain(name);
  });

  it("keeps every item's history consistent with its final state", () => {
    const repo = small();
    const now = Date.parse(repo.meta.now);
    for (const item of repo.items) {
      const created = Date.parse(item.createdAt);
      const updated = Date.parse(item.updatedAt);
      expect(updated).toBeGreaterThanOrEqual(created);
      expect(updated).toBeLessThanOrEqual(now);
      expect(replayLabels(item)).toEqual(item.labels.map((l) => l.name).sort());
      for (const when of [...item.events.map((e) => e.createdAt), ...item.comments.map((c) => c.updatedAt)]) {
        expect(Date.parse(when)).toBeGreaterThanOrEqual(created);
        expect(Date.parse(when)).toBeLessThanOrEqual(updated);
      }
      expect(item.comments).toHaveLength(item.commentCount);
      expect(item.closed).toBe(item.state !== "OPEN");
      if (item.closedAt) expect(Date.parse(item.closedAt)).toBeLessThanOrEqual(updated);
      const lastClose = item.events.filter((e) => e.__typename === "ClosedEvent").at(-1);
      if (item.state !== "OPEN") expect(lastClose?.createdAt).toBe(item.closedAt);
      if (
        item.__typename === "Issue" &&
        item.events.some((e) => e.__typename === "ReopenedEvent") &&
        item.state === "OPEN"
      ) {
        expect(item.stateReason).toBe("REOPENED");
      }
      if (item.__typename === "PullRequest") {
        expect(item.merged).toBe(item.state === "MERGED");
        if (item.merged) expect(item.mergedAt).toBe(item.closedAt);
        if (item.isDraft) expect(item.state).toBe("OPEN");
        expect(item.commits.at(-1)?.commit.oid).toBe(item.headRefOid);
      }
    }
  });

  it("gives every object a databaseId that fits GraphQL's Int and is unique per type", () => {
    const repo = generateRepo({ owner: "acme", name: "max", seed: 2, issues: 400, pulls: 200, databaseId: 2000 });
    const byType = new Map<string, Map<string, number>>(); // __typename → node id → databaseId
    const visited = new Set<object>();
    const visit = (value: unknown): void => {
      if (typeof value !== "object" || value === null || visited.has(value)) return;
      visited.add(value);
      const values = Array.isArray(value) ? value : Object.values(value);
      const r = value as Record<string, unknown>;
      if (typeof r.databaseId === "number" && typeof r.__typename === "string" && typeof r.id === "string") {
        byType.set(r.__typename, (byType.get(r.__typename) ?? new Map<string, number>()).set(r.id, r.databaseId));
      }
      values.forEach(visit);
    };
    visit(repo);
    expect([...byType.keys()]).toEqual(
      expect.arrayContaining([
        "Issue",
        "PullRequest",
        "IssueComment",
        "PullRequestReview",
        "CheckSuite",
        "CheckRun",
        "Release",
      ]),
    );
    for (const [type, ids] of byType) {
      const databaseIds = [...ids.values()];
      expect(new Set(databaseIds).size, type).toBe(databaseIds.length);
      expect(Math.max(...databaseIds), type).toBeLessThanOrEqual(2 ** 31 - 1);
    }
  });

  it("models PR checks, releases, tags and Dependabot alerts like GitHub", () => {
    const repo = small();
    const pulls = repo.items.filter((i) => i.__typename === "PullRequest");
    const heads = pulls.map((p) => p.commits.at(-1)?.commit);
    expect(heads.some((c) => c?.statusCheckRollup?.state === "FAILURE")).toBe(true);
    const suites = heads.flatMap((c) => c?.checkSuites ?? []);
    expect(suites.some((s) => s.app?.slug === "codecov" && s.workflowRun === null)).toBe(true);
    expect(suites.some((s) => s.workflowRun?.workflow.name === "CI")).toBe(true);
    const truth = groundTruth(repo);
    expect(truth.releases.some((r) => r.author === null && r.publishedBy.type === "Bot")).toBe(true);
    expect(truth.tags.some((t) => t.annotated)).toBe(true);
    expect(truth.tags.some((t) => !t.annotated)).toBe(true);
    for (const alert of repo.vulnerabilityAlerts) {
      expect(alert.fixedAt !== null).toBe(alert.state === "FIXED");
      expect(alert.dismissedAt !== null).toBe(alert.state === "DISMISSED");
      expect(alert.autoDismissedAt !== null).toBe(alert.state === "AUTO_DISMISSED");
      expect(alert.securityAdvisory.identifiers[0]?.type).toBe("GHSA");
    }
  });
});
