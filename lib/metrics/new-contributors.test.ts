// community.new_contributors over several repositories: an author's first merge is the earliest over
// every selected repository, logins compared case-insensitively (other-queries.ts finds it by a skip
// scan over the authors' index; these fixtures pin the answer the full grouping gave).
import { beforeAll, describe, expect, it } from "vitest";
import { actors, createItem, createRepo } from "./fixtures";
import { getOtherKpis } from "./other-queries";
import { monthWindow } from "./window";

const { user, bot } = actors;
const CONFIG = { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0"] };
const months = ["2026-01", "2026-02", "2026-03", "2026-04"].map((m) => monthWindow(m, "UTC"));
let a: string;
let b: string;
let empty: string;

const merge = (repoId: string, number: number, author: ReturnType<typeof user>, merged: string | null) =>
  createItem(repoId, {
    number,
    kind: "pull_request",
    created: "2025-12-01T00:00:00Z",
    author,
    merged,
    closed: merged ? null : "2026-03-10T00:00:00Z",
  });

async function counts(repoIds: string[]): Promise<number[]> {
  const values = await getOtherKpis({ repoIds, windows: months, config: CONFIG });
  return values.map((v) => v["community.new_contributors"]!.value!);
}

beforeAll(async () => {
  [a, b, empty] = await Promise.all([createRepo(), createRepo(), createRepo()]).then((r) => r.map((x) => x.id));
  await merge(a, 1, user("Dana"), "2026-01-15T00:00:00Z"); // dana: first in A, January
  await merge(b, 1, user("dana"), "2026-03-05T00:00:00Z"); // … and in B in March
  await merge(b, 2, user("eve"), "2026-03-06T00:00:00Z"); // eve: first in B, March
  await merge(a, 2, user("Eve"), "2026-04-02T00:00:00Z"); // … and in A in April
  await merge(b, 3, user("eve"), "2026-02-20T00:00:00Z"); // eve's earlier merge in B: February after all
  await merge(a, 3, user("frank"), null); // closed unmerged: never a contributor
  await merge(a, 4, bot("dependabot"), "2026-03-01T00:00:00Z"); // bots never count
  await merge(b, 4, user("gus"), "2026-04-30T12:00:00Z");
  await merge(b, 5, user("gus"), "2026-03-31T23:59:59Z"); // gus: March, at its last second
});

describe("new contributors over several repositories", () => {
  it("count each login once, at its first merge in any selected repository", async () => {
    // dana January (A), eve February (B), gus March (B).
    expect(await counts([a, b])).toEqual([1, 1, 1, 0]);
  });
  it("only the selected repositories' merges decide the first one", async () => {
    expect(await counts([a])).toEqual([1, 0, 0, 1]); // dana January, Eve April
    expect(await counts([b])).toEqual([0, 1, 2, 0]); // eve February, dana and gus March
  });
  it("a repository without merged pull requests has none", async () => {
    expect(await counts([empty])).toEqual([0, 0, 0, 0]);
    expect(await counts([empty, a])).toEqual([1, 0, 0, 1]);
  });
});
