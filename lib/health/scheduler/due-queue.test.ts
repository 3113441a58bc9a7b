import { describe, expect, it } from "vitest";
import { DueQueue } from "./due-queue";

describe("DueQueue", () => {
  it("hands out exactly the items due by then, earliest first, and keeps the rest", () => {
    const queue = new DueQueue<{ name: string; at: number }>((i) => i.at);
    for (const [name, at] of [
      ["e", 50],
      ["a", 10],
      ["d", 40],
      ["b", 20],
      ["b2", 20],
      ["c", 30],
      ["f", 60],
    ] as const)
      queue.push({ name, at });
    expect(queue.nextAt).toBe(10);
    expect(queue.popDue(9)).toEqual([]);
    expect(
      queue
        .popDue(30)
        .map((i) => i.at)
        .join(","),
    ).toBe("10,20,20,30");
    expect(queue.size).toBe(3);
    expect(queue.nextAt).toBe(40);
    queue.push({ name: "early", at: 5 });
    expect(queue.drain().map((i) => i.name)).toEqual(["early", "d", "e", "f"]);
    expect(queue.size).toBe(0);
    expect(queue.nextAt).toBeUndefined();
  });

  it("pops 1,000 shuffled slots in order", () => {
    const ats = Array.from({ length: 1000 }, (_, i) => i);
    for (let i = ats.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1); // a fixed shuffle: the test is the same every run
      [ats[i], ats[j]] = [ats[j]!, ats[i]!];
    }
    const queue = new DueQueue<number>((n) => n);
    ats.forEach((n) => queue.push(n));
    const out = [...queue.popDue(499), ...queue.drain()];
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
