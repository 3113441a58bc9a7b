import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { suggestCheck } from "@/lib/runbooks/import/suggest";
import { evaluateCheck } from "./catalogue";

async function incident(resolved: boolean) {
  const at = new Date("2026-11-30T10:00:00Z");
  const row = await db.incident.create({
    data: {
      title: "fixture",
      typeKey: "outage",
      severity: "SEV2",
      startedAt: at,
      detectedAt: at,
      status: resolved ? "resolved" : "identified",
      resolvedAt: resolved ? at : null,
    },
  });
  return row.id;
}

describe("incidents.open (the incident board)", () => {
  it("counts unresolved incidents and passes only at zero", async () => {
    const resolved = await incident(true);
    const now = new Date();
    expect(await evaluateCheck("incidents.open", { now, scope: { incidentIds: [resolved] } })).toMatchObject({
      status: "pass",
      value: 0,
    });
    const open = [await incident(false), await incident(false)];
    expect(await evaluateCheck("incidents.open", { now, scope: { incidentIds: [resolved, ...open] } })).toMatchObject({
      status: "fail",
      value: 2,
      display: "2 open incidents",
      evidenceUrl: "/incidents",
    });
  });

  it("is suggested for runbook items about open incidents", () => {
    expect(suggestCheck("Check for open incidents")).toBe("incidents.open");
  });
});
