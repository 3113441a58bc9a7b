import { describe, expect, it } from "vitest";
import { type Contribution, firstResponseAt } from "./first-response";

const at = (h: number) => new Date(Date.UTC(2026, 5, 1, h));
const contributions: Contribution[] = [
  { kind: "comment", login: "Alice", actorType: "user", at: at(1) }, // the author (other case)
  { kind: "comment", login: "dependabot", actorType: "bot", at: at(2) }, // a bot
  { kind: "comment", login: null, actorType: "ghost", at: at(3) }, // a deleted account
  { kind: "comment", login: "stale-helper", actorType: "user", at: at(4) }, // ignored in settings
  { kind: "review", login: "bob", actorType: "user", at: at(5) }, // a review: counts on PRs only
  { kind: "comment", login: "dave", actorType: "user", at: at(7) },
  { kind: "comment", login: "carol", actorType: "user", at: at(6) },
];
const ignore = ["Stale-Helper"];

describe("first response", () => {
  it("is the earliest comment by a human other than the author, skipping bots, ghosts and ignored logins", () => {
    expect(firstResponseAt({ kind: "issue", authorLogin: "alice" }, contributions, ignore)).toEqual(at(6));
  });
  it("counts a submitted review on a pull request", () => {
    expect(firstResponseAt({ kind: "pull_request", authorLogin: "alice" }, contributions, ignore)).toEqual(at(5));
  });
  it("counts the ignored login when the ignore list is empty", () => {
    expect(firstResponseAt({ kind: "issue", authorLogin: "alice" }, contributions, [])).toEqual(at(4));
  });
  it("is null when only the author, bots and ghosts spoke", () => {
    expect(firstResponseAt({ kind: "issue", authorLogin: "alice" }, contributions.slice(0, 3), [])).toBeNull();
  });
  it("counts any human when the author is a deleted account", () => {
    expect(firstResponseAt({ kind: "issue", authorLogin: null }, contributions.slice(0, 4), [])).toEqual(at(1));
  });
});
