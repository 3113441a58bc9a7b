import { describe, expect, it } from "vitest";
import { groupBySection } from "./group-runs";
import type { RunView } from "./types";

const run = (id: string, sectionId: string, dueAt: string, label: string | null = null) =>
  ({ id, sectionId, dueAt, label }) as RunView;

describe("groupBySection", () => {
  it("puts a checklist's overdue runs together, newest first, in the order the oldest of each fell due", () => {
    const runs = [
      run("e1", "errors", "2026-11-29T17:00:00.000Z"),
      run("d1", "daily", "2026-11-30T09:00:00.000Z"),
      run("e2", "errors", "2026-11-30T01:00:00.000Z"),
      run("e3", "errors", "2026-11-30T09:00:00.000Z"),
      run("d2", "daily", "2026-12-01T09:00:00.000Z"),
    ];
    expect(groupBySection(runs).map((g) => g.map((r) => r.id))).toEqual([
      ["e3", "e2", "e1"],
      ["d2", "d1"],
    ]);
  });

  it("keeps runs of one procedure for different releases apart", () => {
    const runs = [
      run("a", "release", "2026-11-30T09:00:00.000Z", "v1.2.0"),
      run("b", "release", "2026-11-30T10:00:00.000Z", "v1.3.0"),
    ];
    expect(groupBySection(runs).map((g) => g.map((r) => r.id))).toEqual([["a"], ["b"]]);
  });
});
