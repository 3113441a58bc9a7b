import { describe, expect, it } from "vitest";
import { DEFAULT_TEAM_SCHEDULE } from "@/lib/team/schemas";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { evaluateItem, type ItemFacts } from "./evaluate";
import { itemFacts } from "./fixtures";

const t = (h: number) => new Date(Date.UTC(2026, 5, 1) + h * 3_600_000);
const base = itemFacts(1, {
  kind: "issue",
  createdAt: t(0),
  repoKey: "acme/widgets",
  title: "Crash",
  url: "https://x/1",
});
const run = (f: Partial<ItemFacts>, now: number) =>
  evaluateItem({ ...base, ...f }, config, DEFAULT_TEAM_SCHEDULE, t(now));

describe("evaluateItem", () => {
  it("runs the 48 h triage clock while untriaged", () => {
    expect(run({}, 30)).toMatchObject({
      priority: null,
      clock: "triage",
      targetSeconds: 48 * 3600,
      state: "within",
      secondsLeft: 18 * 3600,
    });
    expect(run({}, 40)).toMatchObject({ state: "due_soon", secondsLeft: 8 * 3600 });
    expect(run({}, 50)).toMatchObject({ state: "breached", secondsLeft: -2 * 3600, dueAt: t(48) });
  });
  it("stops the triage clock at the first priority label, even if it was removed later", () => {
    const labelEvents = [
      { kind: "labeled" as const, label: "P2", at: t(10) },
      { kind: "unlabeled" as const, label: "P2", at: t(11) },
    ];
    expect(run({ labelEvents }, 100)).toMatchObject({
      priority: null,
      state: "responded",
      responseSeconds: 10 * 3600,
      firstPriorityAt: t(10),
      priorityChanges: 2,
    });
  });
  it("switches to the priority's response clock, started at creation, once labelled", () => {
    const labelEvents = [{ kind: "labeled" as const, label: "P1", at: t(10) }];
    expect(run({ labels: ["P1", "bug"], labelEvents }, 50)).toMatchObject({
      priority: "P1",
      type: "bug",
      clock: "response",
      targetSeconds: 72 * 3600,
      state: "within",
      firstResponseAt: null,
    });
    const contributions = [{ kind: "comment" as const, login: "maya", actorType: "user" as const, at: t(30) }];
    expect(run({ labels: ["P0"], labelEvents, contributions }, 60)).toMatchObject({
      priority: "P0",
      state: "responded_late",
      responseSeconds: 30 * 3600,
      firstResponseAt: t(30),
    });
  });
  it("puts a pull request in the review queue until a human other than the author reviews it", () => {
    const pr = { kind: "pull_request" as const, readyForReviewAt: t(5) };
    expect(run(pr, 10).reviewWaitingSince).toEqual(t(5));
    const own = [{ kind: "review" as const, login: "alice", actorType: "user" as const, at: t(6) }];
    expect(run({ ...pr, contributions: own }, 10).reviewWaitingSince).toEqual(t(5));
    const reviewed = [{ kind: "review" as const, login: "maya", actorType: "user" as const, at: t(6) }];
    expect(run({ ...pr, contributions: reviewed }, 10).reviewWaitingSince).toBeNull();
    expect(run({ ...pr, contributions: reviewed, pendingReviewRequests: 1 }, 10).reviewWaitingSince).toEqual(t(5)); // re-review requested
    expect(run({ ...pr, isDraft: true }, 10).reviewWaitingSince).toBeNull();
  });
});
