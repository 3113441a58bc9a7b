// Steps run side by side: their transactions go one at a time in call order, and the first failure
// stops the others (their later requests and commits) and is the one reported.
import { describe, expect, it } from "vitest";
import { CommitQueue, type SyncContext } from "./context";
import { runTogether } from "./together";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const ctx = { client: { fork: () => ({}) } } as unknown as SyncContext;

describe("runTogether", () => {
  it("commits one at a time, in the order the steps asked", async () => {
    const log: string[] = [];
    let open = 0;
    const commit = (c: SyncContext, name: string) =>
      c.commits!.run(async () => {
        expect(++open).toBe(1);
        log.push(name);
        await tick();
        open--;
      });
    await runTogether(ctx, [
      (c) => commit(c, "overview"),
      async (c) => {
        for (const n of [1, 2, 3]) await commit(c, `issues ${n}`);
      },
      async (c) => {
        await tick();
        for (const n of [1, 2]) await commit(c, `pulls ${n}`);
      },
    ]);
    expect(log[0]).toBe("overview");
    expect(log.filter((l) => l.startsWith("issues"))).toEqual(["issues 1", "issues 2", "issues 3"]);
    expect(log).toHaveLength(6);
  });

  it("stops the other steps at the first failure and reports it", async () => {
    const committed: string[] = [];
    let aborted = false;
    const run = runTogether(ctx, [
      async () => {
        await tick();
        throw new Error("issues failed");
      },
      async (c) => {
        c.signal!.addEventListener("abort", () => (aborted = true));
        for (let n = 1; ; n++) {
          await c.commits!.run(async () => void committed.push(`pulls ${n}`));
          await tick();
        }
      },
    ]);
    await expect(run).rejects.toThrow("issues failed");
    expect(aborted).toBe(true);
    const after = committed.length;
    await tick();
    expect(committed).toHaveLength(after);
  });

  it("starts nothing more once its signal has aborted", async () => {
    const controller = new AbortController();
    const queue = new CommitQueue(controller.signal);
    const ran: number[] = [];
    const first = queue.run(async () => {
      controller.abort(new Error("stopped"));
      ran.push(1);
    });
    const second = queue.run(async () => void ran.push(2));
    await first;
    await expect(second).rejects.toThrow("stopped");
    expect(ran).toEqual([1]);
  });
});
