// /api/admin/health-targets and /api/admin/health-targets/[id], called as Next.js calls them.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, DELETE, PATCH } from "@/app/api/admin/health-targets/[id]/route";
import { GET as list, POST } from "@/app/api/admin/health-targets/route";
import { db } from "@/lib/db";
import { createTestApiToken, uniqueName } from "@/lib/testing/factories";
import { phaseFor } from "../scheduler/slots";

let admin: string;
type Json = Record<string, unknown> & {
  error?: { code: string; fieldErrors?: Record<string, string[]> };
  target?: Record<string, unknown>;
};

beforeAll(async () => {
  admin = (await createTestApiToken("admin")).token;
});

function request(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const result = async (r: Response) => ({ status: r.status, json: (await r.json()) as Json });
const create = async (body: unknown, token: string | null = admin) =>
  result(await POST(request("POST", "/api/admin/health-targets", token, body), {}));
const byId = (id: string) => ({ params: Promise.resolve({ id }) });
const patch = async (id: string, body: unknown) =>
  result(await PATCH(request("PATCH", `/api/admin/health-targets/${id}`, admin, body), byId(id)));

const httpInput = () => ({
  kind: "http",
  name: `Payments API ${uniqueName("x")}`,
  intervalSeconds: 30,
  check: { url: "http://127.0.0.1:9/health", timeoutMs: 5000 },
});

describe("admin health-target routes", () => {
  it.each([
    ["no token", null, 401],
    ["a viewer", "viewer", 403],
    ["a maintainer", "maintainer", 403],
  ] as const)("refuse %s", async (_, role, status) => {
    const token = role === null ? null : (await createTestApiToken(role)).token;
    expect((await create(httpInput(), token)).status).toBe(status);
    expect((await result(await list(request("GET", "/api/admin/health-targets", token), {}))).status).toBe(status);
  });

  it("creates a target with a derived slug, its jitter and a first check due at once, and audits it", async () => {
    const input = httpInput();
    const before = Date.now();
    const r = await create(input);
    expect(r.status).toBe(201);
    const t = r.json.target as { id: string; slug: string; phaseMs: number; nextCheckAt: string; config: unknown };
    expect(t.slug).toBe(input.name.toLowerCase().replace(/ /g, "-"));
    expect(t.phaseMs).toBe(phaseFor(t.id, 30_000));
    expect(Date.parse(t.nextCheckAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(t.nextCheckAt)).toBeLessThanOrEqual(Date.now());
    expect(t.config).toEqual({
      method: "GET",
      url: "http://127.0.0.1:9/health",
      expectedStatus: { min: 200, max: 399 },
      timeoutMs: 5000,
      maxBodyBytes: 1024 * 1024,
    });
    expect(await db.auditLog.count({ where: { action: "health_target.created", target: t.slug } })).toBe(1);
    const listed = await result(await list(request("GET", "/api/admin/health-targets", admin), {}));
    expect((listed.json.targets as Array<{ id: string }>).map((x) => x.id)).toContain(t.id);
    expect(
      (await result(await getOne(request("GET", `/api/admin/health-targets/${t.id}`, admin), byId(t.id)))).json.target,
    ).toMatchObject({ id: t.id });
  });

  it.each([
    [
      "a timeout not shorter than the interval",
      { ...httpInput(), intervalSeconds: 10, check: { url: "http://a/", timeoutMs: 10_000 } },
      "intervalSeconds",
    ],
    [
      "thresholds in the wrong order",
      { ...httpInput(), thresholds: { response_time_ms: { warning: 900 } } },
      "thresholds",
    ],
    ["an interval under 10 s", { ...httpInput(), intervalSeconds: 5 }, "intervalSeconds"],
    ["a bad slug", { ...httpInput(), slug: "has space" }, "slug"],
    ["an unknown kind", { ...httpInput(), kind: "ping" }, "kind"],
  ])("refuses %s with a 400 naming the field", async (_, body, field) => {
    const r = await create(body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.error?.fieldErrors ?? {})).toContain(field);
  });

  it("refuses a second target with the same slug (409)", async () => {
    const slug = uniqueName("dup");
    expect((await create({ ...httpInput(), slug })).status).toBe(201);
    expect(await create({ ...httpInput(), slug })).toMatchObject({
      status: 409,
      json: { error: { code: "conflict" } },
    });
  });

  it("patches fields, re-validates the whole target, reschedules on a new interval and clears thresholds with null", async () => {
    const created = (await create({ ...httpInput(), thresholds: { memory_pct: { warning: 85 } } })).json.target as {
      id: string;
    };
    await db.healthTarget.update({
      where: { id: created.id },
      data: { nextCheckAt: new Date(Date.now() + 3_600_000) },
    });
    const before = Date.now();
    const r = await patch(created.id, { intervalSeconds: 120, thresholds: null, serviceGroup: "payments" });
    expect(r.status).toBe(200);
    const t = r.json.target as {
      phaseMs: number;
      nextCheckAt: string;
      thresholds: unknown;
      serviceGroup: string;
      intervalSeconds: number;
    };
    expect(t).toMatchObject({
      intervalSeconds: 120,
      thresholds: null,
      serviceGroup: "payments",
      phaseMs: phaseFor(created.id, 120_000),
    });
    expect(Date.parse(t.nextCheckAt)).toBeGreaterThanOrEqual(before); // a changed check is due at once
    expect(Date.parse(t.nextCheckAt)).toBeLessThanOrEqual(Date.now());
    const renamed = (await patch(created.id, { name: "Renamed" })).json.target as { nextCheckAt: string };
    expect(renamed.nextCheckAt).toBe(t.nextCheckAt); // a new name does not reschedule
    expect((await patch(created.id, { kind: "push" })).json.error?.fieldErrors).toHaveProperty("kind");
    expect((await patch(created.id, { intervalSeconds: 4 })).status).toBe(400);
    expect((await patch(created.id, { url: "http://x/" })).status).toBe(400); // a Prometheus field on an HTTP target
    expect((await patch("00000000-0000-7000-8000-000000000000", { name: "x" })).status).toBe(404);
  });

  it("deletes a target but keeps its alert events, with its name", async () => {
    const created = (await create(httpInput())).json.target as { id: string; name: string };
    await db.alertEvent.create({
      data: {
        targetId: created.id,
        targetName: created.name,
        kpi: "up",
        from: "ok",
        to: "critical",
        value: 0,
        at: new Date(),
      },
    });
    const r = await result(
      await DELETE(request("DELETE", `/api/admin/health-targets/${created.id}`, admin), byId(created.id)),
    );
    expect(r).toEqual({ status: 200, json: { id: created.id } });
    expect(await db.healthTarget.findUnique({ where: { id: created.id } })).toBeNull();
    expect(await db.alertEvent.findMany({ where: { targetName: created.name } })).toMatchObject([
      { targetId: null, kpi: "up" },
    ]);
    expect(
      (await result(await DELETE(request("DELETE", "/api/admin/health-targets/not-a-uuid", admin), byId("not-a-uuid"))))
        .status,
    ).toBe(404);
  });
});
