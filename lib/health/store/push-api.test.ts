// POST /api/v1/metrics, called as Next.js calls it (the route's handler with a NextRequest), with
// real API tokens from the database.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/metrics/route";
import { revokeApiToken } from "@/lib/api-tokens/mutations";
import { db } from "@/lib/db";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { createTestApiToken, createTestHealthTarget } from "@/lib/testing/factories";
import { runDueChecks } from "../scheduler/run-checks";
import { MAX_SAMPLES_PER_BATCH } from "../schemas";
import { KPI_NAMES } from "./thresholds";
import { getUptime } from "../views/uptime";

type Target = Awaited<ReturnType<typeof createTestHealthTarget>>;
let push: Target;
let checked: Target;
let paused: Target;
let maintainer: string;

beforeAll(async () => {
  push = await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 3 });
  checked = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
  paused = await createTestHealthTarget({ kind: "push", enabled: false });
  maintainer = (await createTestApiToken("maintainer")).token;
});

async function post(body: unknown, token: string | null, contentType = "application/json") {
  const headers: Record<string, string> = { "content-type": contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new NextRequest("http://127.0.0.1:3000/api/v1/metrics", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, {});
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown> & {
      error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
    },
  };
}

const sample = (target: string, metric = "response_time_ms", value = 42) => ({ target, metric, value });

describe("POST /api/v1/metrics: who may push", () => {
  it.each([
    ["no token", null, 401, "unauthorized"],
    ["an unknown token", "stw_not-a-real-token", 401, "unauthorized"],
    ["a viewer token", "viewer", 403, "forbidden"],
  ])("refuses %s", async (_, token, status, code) => {
    const bearer = token === "viewer" ? (await createTestApiToken("viewer")).token : token;
    const r = await post({ samples: [sample(push.slug)] }, bearer);
    expect(r.status).toBe(status);
    expect(r.json.error?.code).toBe(code);
  });

  it("refuses a token from the request after its revocation or expiry on (no cached verdict)", async () => {
    const revoked = await createTestApiToken("maintainer");
    const expiring = await createTestApiToken("maintainer");
    for (const t of [revoked, expiring])
      expect((await post({ samples: [sample(push.slug)] }, t.token)).status).toBe(202);
    await revokeApiToken(revoked.id, null, "127.0.0.1");
    await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    for (const t of [revoked, expiring])
      expect(await post({ samples: [sample(push.slug)] }, t.token)).toMatchObject({
        status: 401,
        json: { error: { code: "unauthorized" } },
      });
  });

  it("accepts maintainer and admin tokens", async () => {
    for (const role of ["maintainer", "admin"] as const) {
      const r = await post({ samples: [sample(push.slug)] }, (await createTestApiToken(role)).token);
      expect(r.status, role).toBe(202);
    }
  });
});

describe("POST /api/v1/metrics: what is stored", () => {
  it("stores samples and heartbeats, answers 202 with counts, and moves the states", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 3 });
    const base = Date.now() - 60_000;
    const at = (s: number) => new Date(base + s * 1000).toISOString();
    // A first ok value sets the level; then three over 500 ms (critical) in a row with breachesToChange 3 → one event.
    const body = {
      samples: [100, 600, 700, 800].map((value, i) => ({
        target: target.slug,
        metric: "response_time_ms",
        value,
        at: at(i - 1),
        labels: { region: "eu" },
      })),
      heartbeats: [
        { target: target.slug, at: at(5) },
        { target: target.slug, status: "down", at: at(6) },
      ],
    };
    const r = await post(body, maintainer);
    expect(r).toMatchObject({
      status: 202,
      json: {
        accepted: { samples: 4, heartbeats: 2 },
        ignored: { samples: 0, heartbeats: 0, targets: [] },
        alertEvents: 1,
      },
    });
    const rows = await db.healthSample.findMany({ where: { targetId: target.id }, orderBy: { at: "asc" } });
    expect(rows.map((s) => [s.metric, s.value, s.ok, s.failureKind])).toEqual([
      ["response_time_ms", 100, null, null],
      ["response_time_ms", 600, null, null],
      ["response_time_ms", 700, null, null],
      ["response_time_ms", 800, null, null],
      ["check", 0, true, null],
      ["check", 0, false, "heartbeat-down"],
    ]);
    expect(rows[0]!.labels).toEqual({ region: "eu" });
    const events = await db.alertEvent.findMany({ where: { targetId: target.id } });
    expect(events).toMatchObject([
      { kpi: "response_time_ms", from: "ok", to: "critical", value: 800, at: new Date(at(2)) },
    ]);
    expect(await db.healthRollupPending.count({ where: { targetId: target.id } })).toBeGreaterThan(0);
  });

  it("stores a late sample but does not let it move the state backwards in time", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 1 });
    const now = Date.now();
    expect(
      (
        await post(
          { samples: [{ ...sample(target.slug, "response_time_ms", 100), at: new Date(now).toISOString() }] },
          maintainer,
        )
      ).status,
    ).toBe(202);
    // 900 ms would be critical, but it happened 30 s before the 100 ms the state already saw.
    const late = await post(
      { samples: [{ ...sample(target.slug, "response_time_ms", 900), at: new Date(now - 30_000).toISOString() }] },
      maintainer,
    );
    expect(late).toMatchObject({ status: 202, json: { accepted: { samples: 1 }, alertEvents: 0 } });
    expect(await db.healthSample.count({ where: { targetId: target.id } })).toBe(2);
    const state = await db.healthState.findUnique({
      where: { targetId_kpi: { targetId: target.id, kpi: "response_time_ms" } },
    });
    expect(state).toMatchObject({ level: "ok", lastValue: 100, lastAt: new Date(now) });
  });

  it("records a batch for several targets at once, each with its own states, events and rollup marks", async () => {
    const [a, b] = [
      await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 1 }),
      await createTestHealthTarget({ kind: "push", heartbeats: false, breachesToChange: 2 }),
    ];
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 120_000;
    const at = (s: number) => new Date(minute + s * 1000).toISOString();
    // A first observation sets the level (ok at 50 %). a: memory 96 % (critical) once with breachesToChange 1 → one
    // event; b: twice 96 % with 2 → one event, then 50 % once → no event yet. Both targets interleaved, spanning two
    // minutes for a and one for b.
    const body = {
      samples: [
        { target: b.slug, metric: "memory_pct", value: 50, at: at(9) },
        { target: a.slug, metric: "memory_pct", value: 50, at: at(9) },
        { target: a.slug, metric: "memory_pct", value: 96, at: at(10) },
        { target: b.slug, metric: "memory_pct", value: 96, at: at(11) },
        { target: b.slug, metric: "memory_pct", value: 96, at: at(12) },
        { target: a.slug, metric: "response_time_ms", value: 70, at: at(70), labels: { q: "mail" } },
        { target: b.slug, metric: "memory_pct", value: 50, at: at(13) },
      ],
      heartbeats: [{ target: b.slug, at: at(14) }],
    };
    const r = await post(body, maintainer);
    expect(r).toMatchObject({ status: 202, json: { accepted: { samples: 7, heartbeats: 1 }, alertEvents: 2 } });
    const events = await db.alertEvent.findMany({ where: { targetId: { in: [a.id, b.id] } }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.targetId, e.targetName, e.kpi, e.to, e.value])).toEqual([
      [a.id, a.name, "memory_pct", "critical", 96],
      [b.id, b.name, "memory_pct", "critical", 96],
    ]);
    const states = await db.healthState.findMany({
      where: { targetId: { in: [a.id, b.id] } },
      orderBy: [{ targetId: "asc" }, { kpi: "asc" }],
    });
    expect(
      new Map(
        states.map((s) => [
          `${s.targetId === a.id ? "a" : "b"} ${s.kpi}`,
          [s.level, s.consecutiveBreaches, s.pendingLevel, s.lastValue],
        ]),
      ),
    ).toEqual(
      new Map([
        ["a memory_pct", ["critical", 0, null, 96]],
        ["a response_time_ms", ["ok", 0, null, 70]],
        ["b memory_pct", ["critical", 1, "ok", 50]],
        ["b up", ["ok", 0, null, 1]],
      ]),
    );
    const pending = await db.healthRollupPending.findMany({ where: { targetId: { in: [a.id, b.id] } } });
    expect(
      pending
        .map((p) => `${p.targetId === a.id ? "a" : "b"} ${p.metric} +${(p.minute.getTime() - minute) / 60_000}`)
        .sort(),
    ).toEqual(["a memory_pct +0", "a response_time_ms +1", "b check +0", "b memory_pct +0"]);
    const labelled = await db.healthSample.findFirst({ where: { targetId: a.id, metric: "response_time_ms" } });
    expect(labelled).toMatchObject({ value: 70, labels: { q: "mail" }, ok: null, status: null });
  });

  it("acknowledges and drops data for a disabled target", async () => {
    const r = await post({ samples: [sample(paused.slug)], heartbeats: [{ target: paused.slug }] }, maintainer);
    expect(r).toMatchObject({
      status: 202,
      json: { accepted: { samples: 0, heartbeats: 0 }, ignored: { samples: 1, heartbeats: 1, targets: [paused.slug] } },
    });
    expect(await db.healthSample.count({ where: { targetId: paused.id } })).toBe(0);
  });

  it("names unknown and non-push targets in a 422, and stores nothing from the batch", async () => {
    const before = await db.healthSample.count({ where: { targetId: push.id } });
    const r = await post(
      {
        samples: [sample(push.slug), sample("no-such-target"), sample(checked.slug)],
        heartbeats: [{ target: "ghost" }],
      },
      maintainer,
    );
    expect(r.status).toBe(422);
    expect(r.json.error?.message).toBe(
      `Unknown targets: no-such-target, ghost. Create them as push targets first. Not push targets: ${checked.slug}.`,
    );
    expect(r.json.error?.fieldErrors).toEqual({
      "samples.1.target": ['no health target has the slug "no-such-target"'],
      "samples.2.target": [`"${checked.slug}" is checked by steward, not a push target`],
      "heartbeats.0.target": ['no health target has the slug "ghost"'],
    });
    expect(await db.healthSample.count({ where: { targetId: push.id } })).toBe(before);
  });

  it.each([
    ["invalid JSON", "{", "application/json", 400, "bad_request"],
    ["a form body", "samples=1", "application/x-www-form-urlencoded", 400, "validation_failed"],
    ["text/plain", "{}", "text/plain", 415, "unsupported_media_type"],
    [
      "a NUL in a label",
      JSON.stringify({ samples: [{ ...sample("x"), labels: { a: "x\u0000y" } }] }),
      "application/json",
      400,
      "bad_request",
    ],
    [
      "an unpaired surrogate",
      JSON.stringify({ samples: [{ ...sample("x"), labels: { a: "\ud800" } }] }),
      "application/json",
      400,
      "bad_request",
    ],
    [
      `${MAX_SAMPLES_PER_BATCH + 1} samples`,
      JSON.stringify({ samples: Array.from({ length: MAX_SAMPLES_PER_BATCH + 1 }, () => sample("x")) }),
      "application/json",
      400,
      "validation_failed",
    ],
    [
      "a body over 256 KiB",
      JSON.stringify({ samples: [sample("x")], pad: " ".repeat(256 * 1024) }),
      "application/json",
      413,
      "payload_too_large",
    ],
  ])("refuses %s", async (_, body, type, status, code) => {
    const r = await post(body, maintainer, type);
    expect(r.status).toBe(status);
    expect(r.json.error?.code).toBe(code);
  });
});

describe("POST /api/v1/metrics: rate limit", () => {
  it("answers 429 with Retry-After once a token has sent 60 batches in the minute", async () => {
    const token = await createTestApiToken("maintainer");
    for (let i = 0; i < 60; i++) await hitRateLimit(`push:token:${token.id}`, { limit: 60, windowMs: 60_000 });
    const r = await post({ samples: [sample(push.slug)] }, token.token);
    expect(r.status).toBe(429);
    expect(r.json.error?.code).toBe("too_many_requests");
    const retry = Number(r.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(61); // at the latest a second into the next window (60 × (1 − 59/60))
    expect((await post({ samples: [sample(push.slug)] }, maintainer)).status).toBe(202); // other tokens are not affected
  });
});

describe("POST /api/v1/metrics: fuzzed bodies", () => {
  it("answers only 2xx or 4xx, always in the one error shape", async () => {
    const str = fc.string({ unit: "binary", maxLength: 40 });
    const nearlyValid = fc.record(
      {
        samples: fc.array(
          fc.record(
            {
              target: fc.oneof(fc.constant(push.slug), fc.constant(checked.slug), str),
              metric: fc.oneof(fc.constantFrom(...KPI_NAMES), str),
              value: fc.oneof(fc.double(), fc.integer({ min: -5, max: 5000 }), fc.jsonValue()),
              at: fc.oneof(
                fc.constant(new Date().toISOString()),
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                str,
              ),
              labels: fc.dictionary(str, fc.oneof(str, fc.jsonValue()), { maxKeys: 4 }),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 10 },
        ),
        heartbeats: fc.array(
          fc.record(
            {
              target: fc.oneof(fc.constant(push.slug), str),
              status: fc.oneof(fc.constantFrom("up", "down"), str),
              at: str,
            },
            { requiredKeys: [] },
          ),
          { maxLength: 5 },
        ),
      },
      { requiredKeys: [] },
    );
    const valid = fc.record({
      samples: fc.array(
        fc.record({
          target: fc.constant(push.slug),
          metric: fc.constantFrom(...KPI_NAMES),
          value: fc.integer({ min: 0, max: 1 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    });
    const body = fc.oneof(
      nearlyValid.map((b) => JSON.stringify(b)),
      valid.map((b) => JSON.stringify(b)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      str,
    );
    const seen = new Set<number>();
    let token = "";
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        if (runs++ % 50 === 0) token = (await createTestApiToken("maintainer")).token; // stay under the rate limit
        const r = await post(text, token);
        seen.add(r.status);
        expect(r.status).toBeGreaterThanOrEqual(200);
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400)
          expect(Object.keys(r.json.error ?? {}).every((k) => ["code", "message", "fieldErrors"].includes(k))).toBe(
            true,
          );
      }),
      { numRuns: 150 },
    );
    expect(seen).toContain(202);
    expect(seen).toContain(400);
  }, 120_000);
});

describe("push targets with heartbeats", () => {
  it("records a missed heartbeat as a failed check; a heartbeat counts as a successful one", async () => {
    const target = await createTestHealthTarget(
      { kind: "push", heartbeats: true, intervalSeconds: 60 },
      new Date(Date.now() - 1000),
    );
    const started = new Date(Date.now() - 1000);
    await runDueChecks({ targetIds: [target.id] }); // nothing received in 1.5 × 60 s → missed
    expect(await db.healthSample.findMany({ where: { targetId: target.id } })).toMatchObject([
      { metric: "check", ok: false, failureKind: "heartbeat-missed", failureMessage: "no heartbeat in the last 90 s" },
    ]);
    expect((await post({ heartbeats: [{ target: target.slug }] }, maintainer)).status).toBe(202);
    // Next slot: the heartbeat is within the last 90 s, so nothing new is recorded.
    const later = new Date(Date.now() + 60_000);
    await runDueChecks({ now: () => later, targetIds: [target.id] });
    expect(await db.healthSample.count({ where: { targetId: target.id } })).toBe(2);
    // 1 heartbeat of 2 checks (the missed one and the heartbeat) → 50 %.
    expect((await getUptime([target.id], started, new Date(Date.now() + 1000))).get(target.id)).toMatchObject({
      checks: 2,
      ok: 1,
      pct: 50,
    });
  });
});
