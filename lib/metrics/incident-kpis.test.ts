import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getIncidentKpis } from "./incident-kpis";

// A window no other test uses: incidents are installation-wide.
const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);
const MAY = { start: at("2031-05-01T00:00:00Z"), end: at("2031-06-01T00:00:00Z") };
const JUNE = { start: at("2031-06-01T00:00:00Z"), end: at("2031-07-01T00:00:00Z") };

async function incident(startedAt: string, ackAfter: number | null, resolveAfter: number | null, typeKey = "outage") {
  const start = at(startedAt);
  await db.incident.create({
    data: {
      title: `fixture ${startedAt}`,
      typeKey,
      severity: "SEV2",
      startedAt: start,
      detectedAt: start,
      acknowledgedAt: ackAfter === null ? null : at(startedAt, ackAfter),
      resolvedAt: resolveAfter === null ? null : at(startedAt, resolveAfter),
      status: resolveAfter === null ? "investigating" : "resolved",
    },
  });
}

describe("incident KPIs (hand-computed)", () => {
  it("count, median MTTA over acknowledged and median MTTR over resolved incidents that started in the window", async () => {
    // A reused test database keeps the previous run's fixtures of these (otherwise unused) months.
    await db.incident.deleteMany({ where: { startedAt: { gte: MAY.start, lt: JUNE.end } } });
    await incident("2031-05-01T00:00:00Z", 600, 3600);
    await incident("2031-05-10T00:00:00Z", 1800, 7200);
    await incident("2031-05-20T00:00:00Z", 300, null); // still open
    await incident("2031-05-25T00:00:00Z", null, null); // never acknowledged
    await incident("2031-06-01T00:00:00Z", 60, null); // the end is exclusive: June's
    await incident("2031-05-15T00:00:00Z", 120, 600, "performance");
    const types = [
      { key: "outage", label: "System outage" },
      { key: "performance", label: "Performance degradation" },
      { key: "security", label: "Security breach" },
    ];
    const [may, june] = await getIncidentKpis([MAY, JUNE], types);
    // All of May: MTTA over 120, 300, 600, 1800 → (300 + 600) / 2 = 450; MTTR over 600, 3600, 7200 → 3600.
    // Outages only: MTTA over 300, 600, 1800 → 600; MTTR over 3600, 7200 → the mean of the two middle values, 5400.
    expect(may).toEqual({
      "incidents.count": { value: 5, count: 5 },
      "incidents.mtta": { value: 450, count: 4 },
      "incidents.mttr": { value: 3600, count: 3 },
      "incidents.type.outage.count": { value: 4, count: 4 },
      "incidents.type.outage.mtta": { value: 600, count: 3 },
      "incidents.type.outage.mttr": { value: 5400, count: 2 },
      "incidents.type.performance.count": { value: 1, count: 1 },
      "incidents.type.performance.mtta": { value: 120, count: 1 },
      "incidents.type.performance.mttr": { value: 600, count: 1 },
      "incidents.type.security.count": { value: 0, count: 0 },
      "incidents.type.security.mtta": { value: null, count: 0 },
      "incidents.type.security.mttr": { value: null, count: 0 },
    });
    expect(june).toMatchObject({
      "incidents.count": { value: 1, count: 1 },
      "incidents.mtta": { value: 60, count: 1 },
      "incidents.mttr": { value: null, count: 0 },
      "incidents.type.outage.count": { value: 1, count: 1 },
      "incidents.type.performance.count": { value: 0, count: 0 },
    });
  });
});
