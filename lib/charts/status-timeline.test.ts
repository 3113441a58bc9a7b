import { describe, expect, it } from "vitest";
import { bucketStatus, checkSegments, describeCounts } from "./status-timeline";

const from = "2026-11-30T00:00:00Z";
const to = "2026-11-30T04:00:00Z"; // four one-hour buckets

describe("bucketStatus", () => {
  it("gives each bucket its worst check and counts every check", () => {
    const segments = bucketStatus({
      from,
      to,
      buckets: 4,
      observations: [
        { at: "2026-11-30T00:10:00Z", state: "ok" },
        { at: "2026-11-30T00:20:00Z", state: "critical", value: "503" },
        { at: "2026-11-30T00:30:00Z", state: "warning", value: "250 ms" },
        { at: "2026-11-30T01:00:00Z", state: "warning", value: "210 ms" }, // on the boundary: the later bucket
        { at: "2026-11-30T03:59:59Z", state: "ok" },
        { at: "2026-11-30T04:00:00Z", state: "critical" }, // at `to`: outside
      ],
    });
    expect(segments.map((s) => s.state)).toEqual(["critical", "warning", "no_data", "ok"]);
    expect(segments[0]).toMatchObject({
      from: "2026-11-30T00:00:00.000Z",
      to: "2026-11-30T01:00:00.000Z",
      value: "503",
      counts: { ok: 1, warning: 1, critical: 1 },
    });
    expect(describeCounts(segments[0]!)).toBe("3 checks: 1 ok, 1 warning, 1 critical");
    expect(describeCounts(segments[2]!)).toBe("No data");
  });

  it("shows pending from creation until the first check, and no data before creation", () => {
    const segments = bucketStatus({
      from,
      to,
      buckets: 4,
      createdAt: "2026-11-30T01:30:00Z",
      observations: [{ at: "2026-11-30T03:10:00Z", state: "ok" }],
    });
    expect(segments.map((s) => s.state)).toEqual(["no_data", "pending", "pending", "ok"]);
  });

  it("shows a created target that was never checked as pending up to now", () => {
    const segments = bucketStatus({ from, to, buckets: 2, createdAt: from, observations: [] });
    expect(segments.map((s) => s.state)).toEqual(["pending", "pending"]);
  });

  it("leaves checks inside maintenance out and marks otherwise empty buckets as maintenance", () => {
    const segments = bucketStatus({
      from,
      to,
      buckets: 4,
      maintenance: [{ from: "2026-11-30T01:00:00Z", to: "2026-11-30T02:30:00Z" }],
      observations: [
        { at: "2026-11-30T01:15:00Z", state: "critical" },
        { at: "2026-11-30T02:45:00Z", state: "ok" },
      ],
    });
    expect(segments.map((s) => s.state)).toEqual(["no_data", "maintenance", "ok", "no_data"]);
    expect(segments[1]!.counts.critical).toBe(0);
  });

  it("returns nothing for an empty or inverted window", () => {
    expect(bucketStatus({ from: to, to: from, buckets: 4, observations: [] })).toEqual([]);
  });
});

describe("checkSegments", () => {
  it("keeps the last n checks, oldest first", () => {
    const obs = [3, 1, 2, 4].map((m) => ({
      at: `2026-11-30T00:0${m}:00Z`,
      state: m === 2 ? ("critical" as const) : ("ok" as const),
    }));
    expect(checkSegments(obs, 3, to).map((s) => [s.from.slice(14, 16), s.state])).toEqual([
      ["02", "critical"],
      ["03", "ok"],
      ["04", "ok"],
    ]);
  });
  it("shows one pending segment before the first check", () => {
    expect(checkSegments([], 30, to)).toEqual([
      {
        from: "2026-11-30T04:00:00.000Z",
        to: "2026-11-30T04:00:00.000Z",
        state: "pending",
        counts: { ok: 0, warning: 0, critical: 0 },
        value: null,
      },
    ]);
  });
});
