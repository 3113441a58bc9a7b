// Sealing must not change any answer: every reader of raw samples gives the same result before the
// seal, after sealing the first hour only (the sealing moment), after sealing everything, and after a
// late sample lands in an already sealed hour and is sealed in turn. The samples straddle an hour.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { getBreakers } from "../views/overview-view";
import { getLastChecks, getTargetSeriesBetween } from "../views/queries";
import { getDayTimeline, getDowntimes, getRecentCheckSegments } from "../views/timeline-view";
import { getTargetDetailView } from "../views/detail-view";
import { getUptime } from "../views/uptime";
import { edgeSamplesSql, rawSamplesSql, ts } from "./raw-samples-sql";
import { recordObservations, type CheckObservation, type MetricObservation } from "./record";
import { deleteExpiredHealthData } from "./retention";
import { rollupPendingMinutes } from "./rollups";
import { sealRawSamples } from "./seal";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 20 * MINUTE);
const boundary = Math.floor(now.getTime() / HOUR) * HOUR - HOUR; // a whole hour; samples from 40 min before to 40 min after
const start = boundary - 40 * MINUTE;

function observations() {
  const checks: CheckObservation[] = [];
  const metrics: MetricObservation[] = [];
  for (let i = 0; i < 160; i++) {
    const at = new Date(start + i * 30_000 + (i % 7));
    const failed = i % 23 === 5 || (i >= 70 && i < 90);
    checks.push({
      at,
      ok: !failed,
      durationMs: 10 + (i % 13) + 0.25,
      status: i % 11 === 0 ? undefined : failed ? 503 : 200,
      failure: failed
        ? { kind: "status", message: `got 503 (${i})`, detail: i % 2 ? `body ${i}` : undefined }
        : undefined,
    });
    metrics.push({ at, metric: "response_time_ms", value: 1 / 3 + i });
    if (i % 40 === 3) metrics.push({ at, metric: "breaker_state", value: i % 3, labels: { breakers: `b${i}` } });
  }
  // One sample exactly at the hour (readers order by "at" alone, so samples sharing an instant have no order to keep).
  metrics.push({ at: new Date(boundary), metric: "response_time_ms", value: -1 });
  return { checks, metrics };
}

async function answers(id: string) {
  const all = await db.$queryRaw<unknown[]>`SELECT * FROM ${rawSamplesSql({ targetId: Prisma.sql`${id}::uuid` })} s
    ORDER BY "at", metric`;
  const edges = await db.$queryRaw<
    unknown[]
  >`SELECT * FROM ${edgeSamplesSql({ targetId: Prisma.sql`${id}::uuid`, metric: "check", n: 3, order: "oldest", atMost: ts(new Date(boundary)) })} s`;
  const kpis = [{ kpi: "breaker_state", level: "ok" as const, value: 1, at: now, since: now }];
  const detail = await getTargetDetailView(id, { role: "admin" }, now);
  return {
    all,
    edges,
    last: await getLastChecks([id]),
    raw: await getTargetSeriesBetween(id, new Date(boundary - 30 * MINUTE), new Date(boundary + 20 * MINUTE), now),
    recent: await getRecentCheckSegments([id], new Date(boundary + 10 * MINUTE)),
    day: await getDayTimeline(id, new Date(start - HOUR), now),
    downtimes: await getDowntimes(id, new Date(start), now),
    uptime: await getUptime([id], new Date(start + 7 * MINUTE), new Date(boundary + 13 * MINUTE), now),
    breakers: await getBreakers([{ id, kpis }]),
    lastFailure: detail && "lastFailure" in detail ? detail.lastFailure : detail,
  };
}

const rollups = (targetId: string) =>
  db.healthRollup.findMany({
    where: { targetId },
    orderBy: [{ metric: "asc" }, { bucket: "asc" }, { bucketStart: "asc" }],
    omit: { updatedAt: true },
  });

describe("sealing raw samples into hours", () => {
  it("gives every reader the same answers across the hour boundary and the sealing moment", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const targetIds = [target.id];
    await recordObservations(target, observations());
    await rollupPendingMinutes({ targetIds, now });
    const before = await answers(target.id);
    const rolledBefore = await rollups(target.id);
    expect((before.all as unknown[]).length).toBe(160 * 2 + 4 + 1);

    // The sealing moment: only the hour before the boundary is sealed.
    expect(await sealRawSamples({ targetIds, before: new Date(boundary) })).toEqual({ samples: 80 * 2 + 2, hours: 3 });
    expect(await answers(target.id)).toEqual(before);
    expect(await sealRawSamples({ targetIds, now })).toMatchObject({ samples: 80 * 2 + 2 + 1 });
    expect(await db.healthSample.count({ where: { targetId: target.id } })).toBe(0);
    expect(await answers(target.id)).toEqual(before);

    // The rollups, recomputed from sealed samples, are the same rows.
    await db.healthRollupPending.createMany({
      data: [0, 39, 40, 79].map((m) => ({
        targetId: target.id,
        metric: "check",
        minute: new Date(start + m * MINUTE),
      })),
    });
    await rollupPendingMinutes({ targetIds, now });
    expect(await rollups(target.id)).toEqual(rolledBefore);

    // A late sample in a sealed hour is staged, then merged into its packed row in time order.
    const late = { at: new Date(start + 61_000), ok: false, durationMs: 5, failure: { kind: "late", message: "late" } };
    await recordObservations(target, { checks: [late] });
    const withLate = await answers(target.id);
    expect((withLate.all as unknown[]).length).toBe((before.all as unknown[]).length + 1);
    expect(await sealRawSamples({ targetIds, now })).toEqual({ samples: 1, hours: 1 });
    expect(await answers(target.id)).toEqual(withLate);
  });

  it("retention deletes sealed samples before the cutoff, also inside an hour", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    await recordObservations(target, observations());
    await sealRawSamples({ targetIds: [target.id], now });
    const cutoff = new Date(boundary + 10 * MINUTE);
    const kept = await db.$queryRaw<
      unknown[]
    >`SELECT * FROM ${rawSamplesSql({ targetId: Prisma.sql`${target.id}::uuid` })} s
      WHERE "at" >= ${cutoff}::timestamptz ORDER BY "at", metric`;
    const summary = await deleteExpiredHealthData({
      now: new Date(cutoff.getTime() + 14 * 86_400_000),
      retentionDays: 14,
      targetIds: [target.id],
    });
    expect(summary.rawSamples).toBe(160 * 2 + 4 + 1 - kept.length);
    expect(
      await db.$queryRaw<
        unknown[]
      >`SELECT * FROM ${rawSamplesSql({ targetId: Prisma.sql`${target.id}::uuid` })} s ORDER BY "at", metric`,
    ).toEqual(kept);
  });
});
