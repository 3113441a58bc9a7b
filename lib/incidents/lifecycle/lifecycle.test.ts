// The incident lifecycle against the real database: transitions, timestamp order, the race-free
// acknowledgement, edits with an audit trail, response breaches and sanitized markdown.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { acknowledgeIncident, addIncidentUpdate, resolveIncident } from "./lifecycle";
import { editIncident } from "./edit";
import { recordResponseBreaches } from "./breaches";
import { getIncident } from "../views/queries";
import { testActor, testIncident } from "../test-kit";

const at = (s: string) => new Date(`2026-03-10T${s}Z`);

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("lifecycle", () => {
  it("moves investigating → identified → monitoring → resolved, sets mitigated at monitoring, and writes the timeline", async () => {
    const actor = await testActor();
    const incident = await testIncident(actor, { startedAt: at("10:00:00") }, at("10:02:00"));
    expect(incident.detectedAt).toEqual(at("10:02:00"));
    await addIncidentUpdate({ actor, now: at("10:10:00") }, incident.id, {
      status: "identified",
      message: "Bad deploy",
      kind: "update",
      public: true,
    });
    await addIncidentUpdate({ actor, now: at("10:20:00") }, incident.id, {
      status: "monitoring",
      message: "Rolled back",
      kind: "update",
      public: false,
    });
    const resolved = await resolveIncident({ actor, now: at("10:50:00") }, incident.id, {});
    expect(resolved).toMatchObject({ status: "resolved", mitigatedAt: at("10:20:00"), resolvedAt: at("10:50:00") });
    const detail = await getIncident(incident.id);
    expect(detail.timeline.map((e) => e.kind)).toEqual(["resolved", "update", "status", "update", "status", "opened"]);
    expect(await db.auditLog.count({ where: { target: incident.id } })).toBe(4);
  });

  it.each([["resolved → investigating", "resolved", "investigating", /already resolved/]] as const)(
    "refuses %s with 409",
    async (_, from, to, message) => {
      const actor = await testActor();
      const incident = await testIncident(actor);
      if (from === "resolved") await resolveIncident({ actor }, incident.id, {});
      const error = await rejection(
        addIncidentUpdate({ actor }, incident.id, { status: to, message: "again", kind: "update", public: false }),
      );
      expect(error.status).toBe(409);
      expect(error.message).toMatch(message);
    },
  );

  it("refuses to resolve twice (409) and a resolution before the start (400 with a clear message)", async () => {
    const actor = await testActor();
    const a = await testIncident(actor, { startedAt: at("10:00:00") }, at("10:01:00"));
    const early = await rejection(
      resolveIncident({ actor, now: at("10:05:00") }, a.id, { resolvedAt: at("09:00:00") }),
    );
    expect(early.status).toBe(400);
    expect(early.message).toMatch(/resolved time .* is before the detected time/);
    await resolveIncident({ actor, now: at("10:05:00") }, a.id, {});
    expect((await rejection(resolveIncident({ actor }, a.id, {}))).status).toBe(409);
  });

  it("validates the order started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved on edits, and audits edits", async () => {
    const actor = await testActor();
    const incident = await testIncident(actor, { startedAt: at("10:00:00") }, at("10:05:00"));
    const bad = await rejection(editIncident({ actor }, incident.id, { startedAt: at("10:06:00") }));
    expect(bad.status).toBe(400);
    expect(bad.fieldErrors).toHaveProperty("detectedAt");
    await editIncident({ actor, now: at("10:30:00") }, incident.id, { startedAt: at("09:55:00"), severity: "SEV2" });
    const audit = await db.auditLog.findFirst({ where: { action: "incident.edited", target: incident.id } });
    expect(audit?.detail).toMatchObject({
      severity: { from: "SEV1", to: "SEV2" },
      startedAt: { from: at("10:00:00").toISOString(), to: at("09:55:00").toISOString() },
    });
    expect((await getIncident(incident.id)).timeline[0]?.body).toMatch(/^Edited — /);
  });

  it("records exactly one acknowledgement out of 20 concurrent ones and tells the others who and when", async () => {
    const first = await testActor();
    const incident = await testIncident(first);
    const actors = await Promise.all(Array.from({ length: 20 }, () => testActor()));
    const results = await Promise.all(actors.map((actor) => acknowledgeIncident({ actor }, incident.id)));
    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    const row = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    for (const r of results)
      if (!r.won)
        expect(r).toEqual({ won: false, acknowledgedAt: row.acknowledgedAt, acknowledgedBy: row.acknowledgedByName });
    expect(await db.incidentEvent.count({ where: { incidentId: incident.id, kind: "acknowledged" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "incident.acknowledged", target: incident.id } })).toBe(1);
  });

  it("records a response-target breach once, at startedAt + the type's response target", async () => {
    const actor = await testActor();
    const security = await testIncident(actor, { type: "security", startedAt: at("10:00:00") }, at("10:00:00"));
    const acked = await testIncident(actor, { type: "security", startedAt: at("10:00:00") }, at("10:00:00"));
    await acknowledgeIncident({ actor, now: at("10:03:00") }, acked.id);
    await recordResponseBreaches(at("10:04:59"));
    expect((await db.incident.findUniqueOrThrow({ where: { id: security.id } })).responseBreachedAt).toBeNull();
    await recordResponseBreaches(at("10:05:00"));
    await recordResponseBreaches(at("10:06:00"));
    const events = await db.incidentEvent.findMany({
      where: { incidentId: { in: [security.id, acked.id] }, kind: "response_breached" },
    });
    expect(events.map((e) => [e.incidentId, e.at])).toEqual([[security.id, at("10:05:00")]]);
    expect((await getIncident(security.id, at("10:06:00"))).responseBreached).toBe(true);
    expect((await getIncident(acked.id, at("10:06:00"))).responseBreached).toBe(false);
  });

  it("renders people's markdown sanitized: no script, no event handlers, no javascript: links", async () => {
    const actor = await testActor();
    const incident = await testIncident(actor, { title: "<img src=x onerror=alert(1)>" });
    const payload = "**Rolled back** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))";
    await addIncidentUpdate({ actor }, incident.id, { message: payload, kind: "note", public: false });
    const note = (await getIncident(incident.id)).timeline.find((e) => e.kind === "note");
    expect(note?.html).toContain("<strong>Rolled back</strong>");
    expect(note?.html).not.toMatch(/<script|onerror|javascript:/i);
  });
});
