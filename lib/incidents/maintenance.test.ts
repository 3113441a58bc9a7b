// Maintenance windows: recurrence in a time zone across DST, and suppression of incident opening.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { dedupKeyOf, handleAlertEvents } from "./lifecycle/auto-open";
import { createMaintenanceWindow, isTargetUnderMaintenance, maintenanceChecker, occurrences } from "./maintenance";
import { testActor } from "./test-kit";

describe("maintenance windows", () => {
  it("recurs every Sunday at 06:00 Europe/Berlin: 05:00 UTC in winter, 04:00 UTC in summer", () => {
    const w = {
      startsAt: new Date("2026-03-01T05:00:00Z"),
      durationMinutes: 60,
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      timeZone: "Europe/Berlin",
    };
    const got = occurrences(w, new Date("2026-03-20T00:00:00Z"), new Date("2026-04-06T00:00:00Z")).map((o) =>
      o.start.toISOString(),
    );
    expect(got).toEqual(["2026-03-22T05:00:00.000Z", "2026-03-29T04:00:00.000Z", "2026-04-05T04:00:00.000Z"]);
  });

  it("includes an occurrence already running at the window's start, and a one-off only when it overlaps", () => {
    const weekly = {
      startsAt: new Date("2026-03-01T05:00:00Z"),
      durationMinutes: 120,
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      timeZone: "UTC",
    };
    expect(occurrences(weekly, new Date("2026-03-08T06:00:00Z"), new Date("2026-03-08T06:00:01Z"))).toHaveLength(1);
    const once = { startsAt: new Date("2026-03-08T05:00:00Z"), durationMinutes: 30, rrule: null, timeZone: "UTC" };
    expect(occurrences(once, new Date("2026-03-08T05:29:59Z"), new Date("2026-03-08T05:30:00Z"))).toHaveLength(1);
    expect(occurrences(once, new Date("2026-03-08T05:30:00Z"), new Date("2026-03-08T05:31:00Z"))).toHaveLength(0);
  });

  it("suppresses incident opening for a target in maintenance (directly or by service group), not outside it", async () => {
    const actor = await testActor();
    const group = `grp-${Date.now()}`;
    const target = await createTestHealthTarget({ kind: "push", serviceGroup: group });
    await createMaintenanceWindow(
      { actor },
      {
        title: "DB upgrade",
        targetIds: [],
        serviceGroups: [group],
        startsAt: new Date("2026-05-01T10:00:00Z"),
        durationMinutes: 60,
        timeZone: "UTC",
        public: true,
      },
    );
    const at = (t: string) => new Date(`2026-05-01T${t}Z`);
    expect(await isTargetUnderMaintenance(target.id, at("10:30:00"))).toBe(true);
    const inside = await db.alertEvent.create({
      data: {
        targetId: target.id,
        targetName: target.name,
        kpi: "up",
        from: "ok",
        to: "critical",
        value: 0,
        at: at("10:30:00"),
      },
    });
    expect(await handleAlertEvents([inside])).toMatchObject({ opened: [], suppressed: 1 });
    expect(await db.incident.count({ where: { dedupKey: dedupKeyOf(target.id) } })).toBe(0);
    const after = await db.alertEvent.create({
      data: {
        targetId: target.id,
        targetName: target.name,
        kpi: "up",
        from: "ok",
        to: "critical",
        value: 0,
        at: at("11:00:00"),
      },
    });
    expect((await handleAlertEvents([after])).opened).toHaveLength(1);
  });

  it("answers alike when the windows of several targets are read in one statement", async () => {
    const actor = await testActor();
    const group = `grp-${Date.now()}-batch`;
    const [direct, grouped, neither, unlisted] = [
      await createTestHealthTarget({ kind: "push" }),
      await createTestHealthTarget({ kind: "push", serviceGroup: group }),
      await createTestHealthTarget({ kind: "push", serviceGroup: `${group}-other` }),
      await createTestHealthTarget({ kind: "push" }),
    ];
    const window = { public: true, durationMinutes: 30, timeZone: "Europe/Berlin" };
    await createMaintenanceWindow(
      { actor },
      {
        ...window,
        title: "weekly",
        targetIds: [direct.id, unlisted.id],
        serviceGroups: [],
        startsAt: new Date("2026-03-01T05:00:00Z"),
        rrule: "FREQ=WEEKLY",
      },
    );
    await createMaintenanceWindow(
      { actor },
      { ...window, title: "once", targetIds: [], serviceGroups: [group], startsAt: new Date("2026-05-02T10:00:00Z") },
    );
    const ids = [direct.id, grouped.id, neither.id];
    const batched = maintenanceChecker(ids);
    const single = maintenanceChecker();
    const moments = ["2026-05-03T04:10:00Z", "2026-05-03T05:10:00Z", "2026-05-02T10:10:00Z", "2026-05-02T10:40:00Z"];
    const answers = async (check: typeof single) => {
      const out: boolean[] = [];
      for (const id of [...ids, unlisted.id]) for (const m of moments) out.push(await check(id, new Date(m)));
      return out;
    };
    const expected = await answers(single);
    // Sunday 06:10 Berlin (summer: 04:10 UTC) for the weekly window's targets; the one-off for the group only.
    expect(expected).toEqual([
      ...[true, false, false, false],
      ...[false, false, true, false],
      ...[false, false, false, false],
      ...[true, false, false, false],
    ]);
    expect(await answers(batched)).toEqual(expected);
  });
});
