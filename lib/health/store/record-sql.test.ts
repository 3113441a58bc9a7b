// The sample insert sends plain rows as compact arrays and the others as JSON (record-sql.ts): every
// row must come back exactly as given, whichever way it travelled, in one batch of mixed rows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { recordBatchIn } from "./record";
import { sampleParameters } from "./record-sql";

const recordable = (t: { id: string; name: string }) => ({
  id: t.id,
  name: t.name,
  thresholds: null,
  breachesToChange: 3,
});

describe("the sample insert", () => {
  it("stores plain, labelled and check rows of several targets exactly, instants to the millisecond", async () => {
    const [a, b] = [
      await createTestHealthTarget({ kind: "push", heartbeats: false }),
      await createTestHealthTarget({ kind: "push", heartbeats: false }),
    ];
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 0, 123);
    const values = [0, -0, 0.1 + 0.2, 1e-7, 123456.789, 5e-324, 1.7976931348623157e308, 100, 42.5];
    await db.$transaction((tx) =>
      recordBatchIn(tx, [
        {
          target: recordable(a),
          obs: {
            metrics: values.map((value, i) => ({ at: t0 + i * 997, metric: "response_time_ms", value })),
            checks: [
              {
                at: new Date(t0 + 5),
                ok: false,
                durationMs: 12,
                status: 503,
                failure: { kind: "status", message: "503" },
              },
            ],
          },
        },
        {
          target: recordable(b),
          obs: {
            metrics: [
              { at: new Date(t0 - 60_001), metric: "error_rate_pct", value: 1.5 },
              { at: t0 + 1, metric: "memory_pct", value: 80, labels: { host: "a" } },
              { at: t0 + 2, metric: 'custom.metric "quoted", {braced}', value: 7 },
            ],
          },
        },
      ]),
    );
    const rows = await db.healthSample.findMany({
      where: { targetId: { in: [a.id, b.id] } },
      orderBy: [{ targetId: "asc" }, { at: "asc" }, { metric: "asc" }],
    });
    const got = rows.map((r) => ({
      targetId: r.targetId,
      at: r.at.getTime(),
      metric: r.metric,
      value: r.value,
      ok: r.ok,
      status: r.status,
      labels: r.labels,
    }));
    const expected = [
      ...values.map((value, i) => ({
        targetId: a.id,
        at: t0 + i * 997,
        metric: "response_time_ms",
        value,
        ok: null,
        status: null,
        labels: null,
      })),
      { targetId: a.id, at: t0 + 5, metric: "check", value: 12, ok: false, status: 503, labels: null },
      { targetId: b.id, at: t0 - 60_001, metric: "error_rate_pct", value: 1.5, ok: null, status: null, labels: null },
      { targetId: b.id, at: t0 + 1, metric: "memory_pct", value: 80, ok: null, status: null, labels: { host: "a" } },
      {
        targetId: b.id,
        at: t0 + 2,
        metric: 'custom.metric "quoted", {braced}',
        value: 7,
        ok: null,
        status: null,
        labels: null,
      },
    ].sort((x, y) => (x.targetId < y.targetId ? -1 : x.targetId > y.targetId ? 1 : x.at - y.at));
    // + 0: -0 and 0 compare as numbers (toEqual tells them apart).
    expect(got.map((r) => ({ ...r, value: r.value + 0 }))).toEqual(expected.map((r) => ({ ...r, value: r.value + 0 })));
  });

  it("sends plain rows as arrays relative to the batch's first instant, and the rest as JSON", () => {
    const [p1, p2, p3, p4, p5, p6, p7, p8] = sampleParameters([
      { targetId: "t1", at: 1_000.5, metric: "m", value: 1.25 },
      { targetId: "t2", at: 999, metric: "n", value: 2 },
      { targetId: "t1", at: 1_500, metric: "n", value: Number.NaN }, // not finite: JSON, as before
      { targetId: "t1", at: 2_000, metric: "check", value: 3, ok: true },
    ]);
    expect([p1, p2, p3, p4, p5, p6, p7]).toEqual([
      ["t1", "t2"],
      new Date(999).toISOString(),
      ["m", "n"],
      "{1,2}",
      "{1.5,0}",
      "{1,2}",
      "{1.25,2}",
    ]);
    expect(JSON.parse(p8 as string)).toEqual([
      { targetId: "t1", at: 1500, metric: "n", value: null },
      { targetId: "t1", at: 2000, metric: "check", value: 3, ok: true },
    ]);
  });
});
