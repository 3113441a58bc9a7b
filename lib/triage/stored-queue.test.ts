// The queue and Today's counts from the stored outcomes must be what evaluating every open item with
// the rules gives (selectQueue / summarizeCounts / summarize over evaluateRepos): same items, order,
// states and counts, for every tab and several filters, at injected instants — and after a settings
// change that nothing rebuilt yet (the read must rebuild first).
import { describe, expect, it } from "vitest";
import { getTeamSchedule } from "@/lib/team/schedule";
import { pick, seededRandom } from "@/lib/testing/random";
import { evaluateRepos, getTriageCounts, getTriageQueue, getTriageSummary, listTriageRepos } from "./queries";
import { summarize } from "./summary";
import { listTriageApiItems, toApiItem } from "./api";
import { API_STATES, DEFAULT_TRIAGE_CONFIG, TABS, TriageApiQuery, TriageFilters } from "./schemas";
import { saveTriageConfig } from "./settings";
import { createTriageItems, createTriageRepo, type ItemSpec } from "./testing";
import { selectQueue, summarizeCounts } from "./views";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

function specs(r: () => number, count: number): ItemSpec[] {
  const out: ItemSpec[] = [
    // A tie in seconds left whose due instants are in the other order than their creation.
    { number: 1, createdAt: ago(26 * H - 100), labels: ["P0"] },
    { number: 2, createdAt: ago(50 * H - 400) },
    // Same creation instant: ordered by number.
    { number: 3, createdAt: ago(5 * H), labels: ["P1"] },
    { number: 4, createdAt: ago(5 * H), labels: ["P1"] },
  ];
  for (let n = 5; n <= count; n++) {
    const createdAt = ago(Math.floor(r() * 80 * 24 * H));
    const at = () => new Date(createdAt.getTime() + Math.floor(r() * (NOW.getTime() - createdAt.getTime())));
    const kind = r() < 0.35 ? "pull_request" : "issue";
    const priority = r() < 0.55 ? pick(r, ["P0", "P1", "P2", "P3", "priority-critical"]) : null;
    out.push({
      number: n,
      kind,
      state: r() < 0.15 ? "CLOSED" : "OPEN",
      createdAt,
      labels: [...(priority ? [priority] : []), ...(r() < 0.4 ? [pick(r, ["bug", "enhancement", "question"])] : [])],
      assignees: r() < 0.3 ? [pick(r, ["maya", "Bob"])] : [],
      isDraft: kind === "pull_request" && r() < 0.2,
      reviewRequests: kind === "pull_request" && r() < 0.3 ? ["maya"] : [],
      comments: Array.from({ length: Math.floor(r() * 3) }, () => ({
        at: at(),
        author: pick(r, [
          ["carol", "user"],
          ["maya", "user"],
          ["ci-bot", "bot"],
        ] as const) as [string, "user" | "bot"],
        body: r() < 0.2 ? DEFAULT_TRIAGE_CONFIG.staleComment : "Thanks!",
      })),
      reviews: kind === "pull_request" && r() < 0.4 ? [{ at: at(), author: ["carol", "user"] }] : [],
      events: priority && r() < 0.7 ? [{ at: at(), kind: "labeled", label: priority, actor: ["maya", "user"] }] : [],
    });
  }
  return out;
}

/** Two repositories (the queue's repository filter needs a second one) with `counts` generated items each. */
async function createGeneratedRepos(r: () => number, counts: [number, number]) {
  const repo = await createTriageRepo();
  const other = await createTriageRepo();
  await createTriageItems(repo.id, specs(r, counts[0]));
  await createTriageItems(other.id, specs(r, counts[1]));
  return { repo, ids: [repo.id, other.id] };
}

const FILTERS = [
  {},
  { priority: "untriaged" },
  { priority: "P1" },
  { type: "bug" },
  { assignee: "bob" },
  { state: "due_soon" },
  { state: "within" },
  { state: "breached" },
  { state: "responded_late" },
];

async function compareAt(repoIds: string[], now: Date, limit: number) {
  const repos = await listTriageRepos({ repositoryIds: repoIds });
  const rows = await evaluateRepos(repos, { open: true }, now, await getTeamSchedule());
  let compared = 0;
  for (const tab of TABS)
    for (const extra of [...FILTERS, { repo: repos[1]!.key }]) {
      const filters = TriageFilters.parse({ tab, ...extra });
      const expected = selectQueue(rows, filters);
      const got = await getTriageQueue({ now, repositoryIds: repoIds }, filters, limit);
      expect(got.counts, JSON.stringify(filters)).toEqual(expected.counts);
      expect(got.total).toBe(expected.items.length);
      expect(got.items, JSON.stringify(filters)).toEqual(expected.items.slice(0, limit));
      compared += got.items.length;
    }
  expect(await getTriageCounts({ now, repositoryIds: repoIds })).toEqual(summarizeCounts(rows));
  for (const days of [1, 30, 365]) {
    const since = new Date(now.getTime() - days * 86_400_000);
    const windowRows = await evaluateRepos(repos, { createdSince: since }, now, await getTeamSchedule());
    const summary = await getTriageSummary({ now, days, repositoryIds: repoIds });
    expect(summary.rows, `summary ${days} d`).toEqual(
      summarize(
        windowRows,
        rows,
        repos.map((r) => r.key),
      ),
    );
  }
  for (const repo of repos)
    for (const state of API_STATES) {
      const expected = rows
        .filter((x) => x.repoId === repo.id)
        .filter(
          (x) =>
            state === "all" ||
            (state === "untriaged" ? x.priority === null : state === "stale" ? x.stale !== null : x.state === state),
        )
        .sort((a, b) => a.number - b.number)
        .map(toApiItem);
      const pages: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = await listTriageApiItems(TriageApiQuery.parse({ repo: repo.key, state, limit: 4, cursor }), now);
        pages.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(pages, state).toEqual(expected);
    }
  return compared;
}

describe("the stored triage queue", () => {
  it("equals the rules' queue: items, order, states and counts, at several instants", async () => {
    const { repo, ids } = await createGeneratedRepos(seededRandom(42), [45, 20]);
    for (const now of [NOW, new Date(NOW.getTime() + 20 * H + 1), new Date(NOW.getTime() + 30 * 24 * H)]) {
      expect(await compareAt(ids, now, 300)).toBeGreaterThan(100);
      await compareAt(ids, now, 3);
    }
    const mine = await getTriageQueue({ now: NOW, repositoryIds: [repo.id] }, TriageFilters.parse({ tab: "all" }));
    const at = mine.items.findIndex((i) => i.number === 2);
    expect(mine.items.slice(at, at + 2).map((i) => [i.number, i.secondsLeft])).toEqual([
      [2, -7199],
      [1, -7199],
    ]); // the tie in seconds left: created first, listed first
  });

  it("rebuilds after a settings change before reading it", async () => {
    const { repo, ids } = await createGeneratedRepos(seededRandom(7), [30, 10]);
    await compareAt(ids, NOW, 300);
    const config = {
      ...DEFAULT_TRIAGE_CONFIG,
      priorityLabels: { ...DEFAULT_TRIAGE_CONFIG.priorityLabels, P0: ["P1"], P1: ["bug"] },
      targets: { ...DEFAULT_TRIAGE_CONFIG.targets, P2: 3600, triage: 7200 },
      ignoreLogins: ["carol"],
      staleAskDays: 3,
    };
    await saveTriageConfig({ actor: { id: null, username: "test", ip: "127.0.0.1" } }, { repoId: repo.id, config });
    expect(await compareAt(ids, NOW, 300)).toBeGreaterThan(20);
  });
});
