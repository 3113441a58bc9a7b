// The per-token queue: turns never overlap, a failed turn does not hold up the next, and the next
// turn starts before the finished turn's caller resumes (so its request is sent while the previous
// answer is still being parsed).
import { describe, expect, it } from "vitest";
import { TokenPacer } from "./pacing";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("TokenPacer.exclusive", () => {
  it("runs one turn at a time, in call order, past failures", async () => {
    const pacer = new TokenPacer();
    const log: string[] = [];
    let inFlight = 0;
    let most = 0;
    const turn = (name: string, fail = false) =>
      pacer.exclusive(async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        log.push(`start ${name}`);
        await tick();
        inFlight--;
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([turn("a"), turn("b", true), turn("c"), turn("d")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(log).toEqual(["start a", "start b", "start c", "start d"]);
    expect(most).toBe(1);
    expect(pacer.queued).toBe(0);
  });

  it("starts the next turn before the finished turn's caller resumes", async () => {
    const pacer = new TokenPacer();
    const log: string[] = [];
    const first = pacer.exclusive(async () => {
      await tick();
      return "answer";
    });
    const second = pacer.exclusive(() => {
      log.push("next request sent");
      return tick();
    });
    expect(pacer.queued).toBe(1);
    await first;
    log.push("caller of the first resumed");
    await second;
    expect(log).toEqual(["next request sent", "caller of the first resumed"]);
  });

  it("runs a turn whose work throws synchronously as a failure", async () => {
    const pacer = new TokenPacer();
    await expect(
      pacer.exclusive(() => {
        throw new Error("at once");
      }),
    ).rejects.toThrow("at once");
    expect(await pacer.exclusive(async () => "still runs")).toBe("still runs");
  });
});
