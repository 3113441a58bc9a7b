// Incidents opened by a real failing health target (loopback HTTP server): one per target however
// many alerts, later alerts on its timeline, and a proposed resolution when the target recovers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import {
  installLoopbackGuard,
  startHttpServer,
  type LoopbackGuard,
  type TestServer,
} from "@/lib/health/checks/loopback-test-kit";
import { runDueChecks, waitForRunningChecks } from "@/lib/health/scheduler/run-checks";
import { dedupKeyOf, handleAlertEvents } from "./auto-open";
import { getIncident } from "../views/queries";

// An opened incident lists every repository's releases of the hours before it as suspects: releases
// that test files running at the same time publish would join its timeline (seen in a full run).
withIsolatedDatabase();

let guard: LoopbackGuard;
let server: TestServer;
const failing = new Set<string>();

function handle(req: IncomingMessage, res: ServerResponse): void {
  const key = new URL(req.url ?? "/", "http://x").searchParams.get("key") ?? "";
  res.writeHead(failing.has(key) ? 503 : 200).end();
}

beforeAll(async () => {
  guard = installLoopbackGuard();
  server = await startHttpServer(handle);
});
afterAll(async () => {
  await waitForRunningChecks();
  await server.close();
  guard.restore();
});

const T0 = new Date("2026-06-01T00:00:00Z");

async function runTimes(targetId: string, from: number, runs: number) {
  for (let run = from; run < from + runs; run++) {
    const now = new Date(T0.getTime() + run * 10_000);
    await runDueChecks({ now: () => now, targetIds: [targetId], concurrency: 5 });
  }
}

describe("incidents from health alerts", () => {
  it("opens one incident when a target goes critical, and proposes resolution when it recovers", async () => {
    const key = `k${Math.random()}`;
    const target = await createTestHealthTarget(
      { kind: "http", intervalSeconds: 10, check: { url: `${server.url}/h?key=${key}`, timeoutMs: 2000 } },
      T0,
    );
    await runTimes(target.id, 0, 1); // healthy first: a target failing from its very first check is critical without an alert event
    failing.add(key);
    await runTimes(target.id, 1, 5); // 3 failures turn it critical (breachesToChange 3), 2 more change nothing
    const open = await db.incident.findMany({ where: { dedupKey: dedupKeyOf(target.id) } });
    expect(open).toHaveLength(1);
    const incident = open[0]!;
    expect(incident).toMatchObject({
      typeKey: "outage",
      severity: "SEV1",
      status: "investigating",
      targetIds: [target.id],
      resolvedAt: null,
      resolutionProposedAt: null,
    });
    expect(incident.title).toBe(`${target.name} is down`);
    failing.delete(key);
    await runTimes(target.id, 6, 3);
    const detail = await getIncident(incident.id);
    expect(detail.resolutionProposedAt).not.toBeNull();
    expect(detail.status).toBe("investigating"); // only proposed: STEWARD_INCIDENTS_AUTO_RESOLVE is off
    expect(detail.timeline.map((e) => e.kind)).toEqual([
      "resolution_proposed",
      "alert_cleared",
      "alert_firing",
      "opened",
    ]);
  });

  it("opens exactly one incident for many concurrent critical alerts of one target; they all join its timeline", async () => {
    const target = await createTestHealthTarget({ kind: "push" });
    const events = await Promise.all(
      ["up", "error_rate", "response_time_ms", "memory", "up", "error_rate"].map((kpi, i) =>
        db.alertEvent.create({
          data: {
            targetId: target.id,
            targetName: target.name,
            kpi,
            from: "ok",
            to: "critical",
            value: 1,
            at: new Date(T0.getTime() + i * 1000),
          },
        }),
      ),
    );
    const outcomes = await Promise.all(events.map((e) => handleAlertEvents([e])));
    expect(outcomes.flatMap((o) => o.opened)).toHaveLength(1);
    const incidents = await db.incident.findMany({
      where: { dedupKey: dedupKeyOf(target.id) },
      include: { events: true },
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.events.filter((e) => e.kind === "alert_firing")).toHaveLength(6);
  });
});
