// /api/v1/incidents, called as Next.js calls the handlers: roles on every action, 201/200/409 codes,
// and 20 concurrent acknowledgements over HTTP → one 200 and nineteen 409s naming the winner.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/v1/incidents/route";
import { GET as getOne, PATCH } from "@/app/api/v1/incidents/[id]/route";
import { POST as acknowledge } from "@/app/api/v1/incidents/[id]/acknowledge/route";
import { POST as addUpdate } from "@/app/api/v1/incidents/[id]/updates/route";
import { POST as resolve } from "@/app/api/v1/incidents/[id]/resolve/route";
import { PUT as postmortem } from "@/app/api/v1/incidents/[id]/postmortem/route";
import { PUT as putType } from "@/app/api/admin/incident-types/route";
import { createTestApiToken, uniqueName } from "@/lib/testing/factories";

type Json = {
  incident?: { id: string; status: string; timeline: Array<{ kind: string }>; acknowledgedBy: string | null };
  incidents?: Array<{ id: string }>;
  error?: { code: string; message: string };
};
let tokens: Record<"viewer" | "maintainer" | "admin", string>;

beforeAll(async () => {
  const [viewer, maintainer, admin] = await Promise.all([
    createTestApiToken("viewer"),
    createTestApiToken("maintainer"),
    createTestApiToken("admin"),
  ]);
  tokens = { viewer: viewer.token, maintainer: maintainer.token, admin: admin.token };
});

function req(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const res = async (r: Response) => ({ status: r.status, json: (await r.json()) as Json });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const open = async (
  token = tokens.maintainer,
  body: unknown = { title: "API down", type: "outage", severity: "SEV1" },
) => res(await create(req("POST", "/api/v1/incidents", token, body), {}));

describe("/api/v1/incidents", () => {
  it("opens (201), lists open ones, acknowledges (200 then 409 naming who), updates, resolves and lists resolved", async () => {
    const opened = await open(tokens.admin, {
      title: "API down",
      type: "outage",
      severity: "SEV1",
      startedAt: "2026-01-01T10:00:00Z",
      public: true,
    });
    expect(opened.status).toBe(201);
    const id = opened.json.incident!.id;
    const openList = await res(await list(req("GET", "/api/v1/incidents?status=open", tokens.viewer), {}));
    expect(openList.json.incidents!.map((i) => i.id)).toContain(id);
    expect(
      (await res(await acknowledge(req("POST", `/api/v1/incidents/${id}/acknowledge`, tokens.maintainer), ctx(id))))
        .status,
    ).toBe(200);
    const again = await res(
      await acknowledge(req("POST", `/api/v1/incidents/${id}/acknowledge`, tokens.admin), ctx(id)),
    );
    expect(again.status).toBe(409);
    expect(again.json.error!.message).toMatch(/^Already acknowledged by token token-\w+ at 20\d\d-/);
    const update = await res(
      await addUpdate(
        req("POST", `/api/v1/incidents/${id}/updates`, tokens.maintainer, {
          status: "identified",
          message: "Found it",
        }),
        ctx(id),
      ),
    );
    expect(update.status).toBe(201);
    expect(update.json.incident!.status).toBe("identified");
    const resolved = await res(
      await resolve(req("POST", `/api/v1/incidents/${id}/resolve`, tokens.maintainer), ctx(id)),
    );
    expect(resolved.json.incident!.status).toBe("resolved");
    const invalid = await res(
      await addUpdate(
        req("POST", `/api/v1/incidents/${id}/updates`, tokens.maintainer, { status: "monitoring", message: "x" }),
        ctx(id),
      ),
    );
    expect(invalid).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    expect(invalid.json.error!.message).toMatch(/already resolved/);
    expect(
      (await res(await resolve(req("POST", `/api/v1/incidents/${id}/resolve`, tokens.maintainer), ctx(id)))).status,
    ).toBe(409);
    const resolvedList = await res(await list(req("GET", "/api/v1/incidents?status=resolved", tokens.viewer), {}));
    expect(resolvedList.json.incidents!.map((i) => i.id)).toContain(id);
    const one = await res(await getOne(req("GET", `/api/v1/incidents/${id}`, tokens.viewer), ctx(id)));
    expect(one.json.incident!.timeline.map((e) => e.kind)).toEqual([
      "resolved",
      "update",
      "status",
      "acknowledged",
      "opened",
    ]);
  });

  it("answers 400 for an unknown type and 404 for an unknown incident", async () => {
    expect((await open(tokens.maintainer, { title: "x", type: "nope", severity: "SEV1" })).status).toBe(400);
    const missing = "0190f000-0000-7000-8000-000000000000";
    expect(
      (await res(await getOne(req("GET", `/api/v1/incidents/${missing}`, tokens.viewer), ctx(missing)))).status,
    ).toBe(404);
  });

  it("records one of 20 concurrent acknowledgements: one 200, nineteen 409", async () => {
    const id = (await open()).json.incident!.id;
    const acks = await Promise.all(
      Array.from({ length: 20 }, async () => (await createTestApiToken("maintainer")).token),
    );
    const statuses = await Promise.all(
      acks.map(async (t) => (await acknowledge(req("POST", `/api/v1/incidents/${id}/acknowledge`, t), ctx(id))).status),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it("lets admins configure a type's targets; new incidents count down from them", async () => {
    const key = uniqueName("db").toLowerCase();
    const body = {
      key,
      label: "Database",
      responseMinutes: 7,
      resolutionMinutes: 120,
      procedure: ["Check replication"],
    };
    expect((await putType(req("PUT", "/api/admin/incident-types", tokens.maintainer, body), {})).status).toBe(403);
    expect(
      (await putType(req("PUT", "/api/admin/incident-types", tokens.admin, { ...body, resolutionMinutes: 5 }), {}))
        .status,
    ).toBe(400);
    expect((await putType(req("PUT", "/api/admin/incident-types", tokens.admin, body), {})).status).toBe(200);
    const created = await open(tokens.maintainer, {
      title: "Replica lag",
      type: key,
      severity: "SEV2",
      startedAt: "2026-02-01T10:00:00Z",
    });
    const incident = created.json.incident as unknown as { responseDueAt: string; procedure: string[] };
    expect(incident.responseDueAt).toBe("2026-02-01T10:07:00.000Z");
    expect(incident.procedure).toEqual(["Check replication"]);
  });

  it("lets viewers read but not act; needs credentials at all", async () => {
    const id = (await open()).json.incident!.id;
    const actions: Array<[string, (t: string | null) => Promise<Response>]> = [
      [
        "create",
        (t) => create(req("POST", "/api/v1/incidents", t, { title: "x", type: "outage", severity: "SEV2" }), {}),
      ],
      ["edit", (t) => PATCH(req("PATCH", `/api/v1/incidents/${id}`, t, { severity: "SEV2" }), ctx(id))],
      ["acknowledge", (t) => acknowledge(req("POST", `/api/v1/incidents/${id}/acknowledge`, t), ctx(id))],
      ["update", (t) => addUpdate(req("POST", `/api/v1/incidents/${id}/updates`, t, { message: "x" }), ctx(id))],
      ["postmortem", (t) => postmortem(req("PUT", `/api/v1/incidents/${id}/postmortem`, t, { summary: "x" }), ctx(id))],
      ["resolve", (t) => resolve(req("POST", `/api/v1/incidents/${id}/resolve`, t), ctx(id))],
    ];
    for (const [name, call] of actions) {
      expect([name, (await call(null)).status]).toEqual([name, 401]);
      expect([name, (await call(tokens.viewer)).status]).toEqual([name, 403]);
    }
    expect((await res(await list(req("GET", "/api/v1/incidents", null), {}))).status).toBe(401);
    expect((await res(await getOne(req("GET", `/api/v1/incidents/${id}`, tokens.viewer), ctx(id)))).status).toBe(200);
    for (const [name, call] of actions.slice(1))
      expect([name, (await call(tokens.maintainer)).status]).toEqual([name, name === "update" ? 201 : 200]);
  });
});
