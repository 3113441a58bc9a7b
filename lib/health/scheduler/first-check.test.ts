// A new target is pending until its first check; that check sets its level outright ("pending → critical", never "ok → critical").
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { getHealthOverview } from "../views/queries";
import { recordObservations } from "../store/record";

const statusOf = async (id: string) => (await getHealthOverview()).targets.find((t) => t.id === id)?.status;

describe("a new target's first check", () => {
  it("is pending before it, critical at once when the first check fails, and records only real changes", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 3 });
    expect(await statusOf(target.id)).toBe("pending");
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000);

    await recordObservations(target, {
      checks: [{ at: at(0), ok: false, durationMs: 5, failure: { kind: "connect", message: "refused" } }],
    });
    expect(await statusOf(target.id)).toBe("critical");
    const first = await db.alertEvent.findMany({ where: { targetId: target.id } });
    expect(first.map((e) => `${e.kpi} ${e.from ?? "pending"}→${e.to}`)).toEqual(["up pending→critical"]);

    // Recovery still follows the no-flap rule: three successes in a row → one event critical → ok.
    await recordObservations(target, { checks: [1, 2].map((s) => ({ at: at(s), ok: true, durationMs: 5 })) });
    expect(await statusOf(target.id)).toBe("critical");
    await recordObservations(target, { checks: [{ at: at(3), ok: true, durationMs: 5 }] });
    expect(await statusOf(target.id)).toBe("ok");
    const events = await db.alertEvent.findMany({ where: { targetId: target.id } });
    expect(events.map((e) => `${e.kpi} ${e.from ?? "pending"}→${e.to}`).sort()).toEqual([
      "up critical→ok",
      "up pending→critical",
    ]);
  });

  it("is ok at once when the first check succeeds", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 3 });
    await recordObservations(target, { checks: [{ at: new Date(Date.now() - 1000), ok: true, durationMs: 5 }] });
    expect(await statusOf(target.id)).toBe("ok");
    expect(await db.alertEvent.count({ where: { targetId: target.id } })).toBe(0);
  });
});
