// The sync's page pipeline without GitHub or a database: pages commit in order, at most `depth`
// are in flight, pages ready when a commit starts share it, and a failure stops the walk at its
// page after the pages before it committed.
import { describe, expect, it } from "vitest";
import type { SyncContext } from "./context";
import { walkPages } from "./walk";

const ctx = { client: { fork: () => ({}) } } as unknown as SyncContext;
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A walk over pages 0..count-1 that logs each step; `fail` makes one step of one page throw. */
function pages(count: number, fail?: { step: "fetch" | "complete" | "commit"; page: number }, commitTicks = 1) {
  const log: string[] = [];
  const groups: number[][] = []; // the pages of each commit that succeeded
  const step = async (name: "fetch" | "complete" | "commit", page: number) => {
    log.push(`${name} ${page}`);
    await tick();
    if (fail?.step === name && fail.page === page) throw new Error(`${name} ${page} failed`);
  };
  return {
    log,
    groups,
    steps: {
      fetch: async (_: SyncContext, previous: number | null) => {
        const page = previous === null ? 0 : previous + 1;
        if (page >= count) return null;
        await step("fetch", page);
        return page;
      },
      complete: async (_: SyncContext, page: number) => (await step("complete", page), page),
      commit: async (group: number[]) => {
        for (const page of group) log.push(`commit ${page}`);
        for (let t = 0; t < commitTicks; t++) await tick();
        if (fail?.step === "commit" && group.includes(fail.page)) throw new Error(`commit ${fail.page} failed`);
        groups.push(group);
      },
    },
  };
}

describe("walkPages", () => {
  it("commits every page once and in order, fetching at most `depth` pages ahead of the commits", async () => {
    const { log, steps } = pages(8);
    await walkPages(ctx, steps, 3);
    expect(log.filter((l) => l.startsWith("commit"))).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `commit ${i}`));
    for (let i = 3; i < 8; i++) expect(log.indexOf(`fetch ${i}`)).toBeGreaterThan(log.indexOf(`commit ${i - 3}`)); // room only after page i−3 is written
    expect(log.indexOf("fetch 1")).toBeLessThan(log.indexOf("commit 0")); // but it does run ahead
  });

  it.each(["fetch", "complete", "commit"] as const)(
    "stops at a page whose %s fails, after committing the pages before it",
    async (step) => {
      const { groups, steps } = pages(8, { step, page: 4 });
      await expect(walkPages(ctx, steps, 3)).rejects.toThrow(`${step} 4 failed`);
      const committed = groups.flat();
      if (step === "commit")
        expect(committed).toEqual([0, 1, 2, 3].slice(0, committed.length)); // its transaction's pages roll back with it
      else expect(committed).toEqual([0, 1, 2, 3]);
    },
  );

  it("puts the pages completed while a slow commit ran into the next commit, in order, at most `depth`", async () => {
    const { groups, log, steps } = pages(12, undefined, 20);
    await walkPages(ctx, steps, 3);
    expect(groups.flat()).toEqual([...Array(12).keys()]);
    expect(groups.some((g) => g.length > 1)).toBe(true);
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(3);
    expect(log.filter((l) => l.startsWith("fetch"))).toHaveLength(12);
  });
});
