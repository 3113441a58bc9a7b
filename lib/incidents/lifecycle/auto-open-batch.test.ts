// A batch of alerts (one push) handled in one call must leave the same incidents and timelines as the
// same alerts handled one by one: the batch replays them in time order in one transaction.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { provideEnv } from "@/lib/env";
import type { HealthLevel } from "@/lib/generated/prisma/enums";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { dedupKeyOf, handleAlertEvents } from "./auto-open";

// A time no other test writes GitHub data near: an incident's timeline also lists suspect changes (CI
// failures, releases) of the hours before it, from every repository, and test files share one database.
const T0 = new Date("2033-06-02T00:00:00Z");
// Critical opens; clearing proposes resolution; a warning withdraws the proposal; critical again joins (or reopens).
const SEQUENCE: Array<[kpi: string, from: HealthLevel | null, to: HealthLevel]> = [
  ["up", "ok", "critical"],
  ["up", "critical", "ok"],
  ["error_rate_pct", "ok", "warning"],
  ["error_rate_pct", "warning", "ok"],
  ["up", "ok", "critical"],
  ["up", "critical", "ok"],
];

async function alertsFor() {
  const target = await createTestHealthTarget({ kind: "push" });
  const events = [];
  for (const [i, [kpi, from, to]] of SEQUENCE.entries())
    events.push(
      await db.alertEvent.create({
        data: {
          targetId: target.id,
          targetName: target.name,
          kpi,
          from,
          to,
          value: i,
          at: new Date(T0.getTime() + i * 1000),
        },
      }),
    );
  return { target, events: events.reverse() }; // handled in time order whatever order they come in
}

async function incidentsOf(targetId: string) {
  const incidents = await db.incident.findMany({
    where: { dedupKey: dedupKeyOf(targetId) },
    orderBy: { startedAt: "asc" },
    include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  return incidents.map((i) => ({
    startedAt: i.startedAt,
    resolvedAt: i.resolvedAt,
    resolutionProposedAt: i.resolutionProposedAt,
    timeline: i.events.map((e) => [e.kind, e.at.toISOString()]),
  }));
}

const outcomeCounts = (o: Awaited<ReturnType<typeof handleAlertEvents>>) => ({
  opened: o.opened.length,
  joined: o.joined,
  proposed: o.proposed.length,
  resolved: o.resolved.length,
  suppressed: o.suppressed,
});

afterEach(() => provideEnv({ STEWARD_INCIDENTS_AUTO_RESOLVE: "false" }));

describe("a batch of alerts", () => {
  it("leaves the same incident and timeline as the alerts one by one", async () => {
    const single = await alertsFor();
    const outcomes = [];
    for (const e of [...single.events].reverse()) outcomes.push(outcomeCounts(await handleAlertEvents([e])));
    const batch = await alertsFor();
    const batched = outcomeCounts(await handleAlertEvents(batch.events));

    const expected = await incidentsOf(single.target.id);
    expect(expected).toHaveLength(1);
    expect(expected[0]!.timeline.map(([kind]) => kind)).toEqual([
      "opened",
      "alert_firing",
      "alert_cleared",
      "resolution_proposed",
      "alert_firing",
      "alert_cleared",
      "resolution_proposed",
      "alert_firing",
      "alert_cleared",
      "resolution_proposed",
    ]);
    expect(expected[0]!.resolutionProposedAt).toEqual(new Date(T0.getTime() + 5000));
    expect(await incidentsOf(batch.target.id)).toEqual(expected);
    expect(batched).toEqual({ opened: 1, joined: 5, proposed: 3, resolved: 0, suppressed: 0 });
    expect(batched).toEqual(
      outcomes.reduce((a, o) => ({
        opened: a.opened + o.opened,
        joined: a.joined + o.joined,
        proposed: a.proposed + o.proposed,
        resolved: a.resolved + o.resolved,
        suppressed: a.suppressed + o.suppressed,
      })),
    );
  });

  it("resolves itself between alerts when incidents resolve automatically, so a later critical opens a new one", async () => {
    provideEnv({ STEWARD_INCIDENTS_AUTO_RESOLVE: "true" });
    const single = await alertsFor();
    for (const e of [...single.events].reverse()) await handleAlertEvents([e]);
    const { target, events } = await alertsFor();
    const outcome = outcomeCounts(await handleAlertEvents(events));
    expect(outcome).toEqual({ opened: 2, joined: 2, proposed: 2, resolved: 2, suppressed: 0 });
    const incidents = await incidentsOf(target.id);
    expect(incidents.map((i) => [i.startedAt, i.resolvedAt])).toEqual([
      [T0, new Date(T0.getTime() + 1000)],
      [new Date(T0.getTime() + 4000), new Date(T0.getTime() + 5000)],
    ]);
    expect(incidents).toEqual(await incidentsOf(single.target.id));
  });
});
