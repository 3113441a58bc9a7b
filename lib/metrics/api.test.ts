// GET /api/v1/kpis, called as Next.js calls it: the response shape of issue #13, validation, roles.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/kpis/route";
import { createTestApiToken } from "@/lib/testing/factories";
import { KPI_SPECS } from "./definitions";
import { createItem, createRepo } from "./fixtures";

let token: string;
let repo: string;

beforeAll(async () => {
  token = (await createTestApiToken("viewer")).token;
  const r = await createRepo();
  repo = `${r.owner}/${r.name}`;
  await createItem(r.id, { number: 1, created: "2026-05-10T00:00:00Z", closed: "2026-05-12T00:00:00Z" });
  await createItem(r.id, { number: 2, created: "2026-04-10T00:00:00Z" });
});

async function call(query: string, auth: string | null = token) {
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${auth}` } : {};
  const response = await GET(new NextRequest(`http://127.0.0.1:3000/api/v1/kpis?${query}`, { headers }), {});
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & {
      kpis?: Array<Record<string, unknown>>;
      error?: { fieldErrors?: Record<string, string[]> };
    },
  };
}

describe("GET /api/v1/kpis", () => {
  it("returns { repo, window, kpis } with every KPI id, previous period and definitions", async () => {
    const { status, json } = await call(`repo=${repo}&month=2026-05&tz=America/New_York`);
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["kpis", "repo", "window"]);
    expect(json.window).toEqual({
      start: "2026-05-01T04:00:00.000Z",
      end: "2026-06-01T04:00:00.000Z",
      tz: "America/New_York",
    });
    const ids = json.kpis!.map((k) => k.id);
    for (const spec of KPI_SPECS) expect(ids).toContain(spec.id);
    const opened = json.kpis!.find((k) => k.id === "issues.opened")!;
    expect(opened).toEqual({
      id: "issues.opened",
      value: 1,
      unit: "count",
      previous: { value: 1, delta: 0, good: "neutral", change: null },
      definition: expect.stringContaining("created in the window"),
    });
    const ttc = json.kpis!.find((k) => k.id === "issues.time_to_close.median")!;
    expect(ttc).toMatchObject({ value: 172_800, unit: "seconds", count: 1, previous: { value: null } });
    const response = json.kpis!.find((k) => k.id === "issues.first_response.mean")!;
    expect(response.value).toBeNull();
    expect(response.target).toMatchObject({ comparison: "lt", value: 259_200, status: null });
    for (const k of json.kpis!)
      expect(
        Object.keys(k).every((key) =>
          ["id", "value", "unit", "count", "previous", "target", "definition"].includes(key),
        ),
      ).toBe(true);
  });

  it("accepts from/to instead of month, and the team's zone by default", async () => {
    const { status, json } = await call(`repo=${repo}&from=2026-05-01T00:00:00Z&to=2026-05-11T00:00:00Z`);
    expect(status).toBe(200);
    expect(json.window).toEqual({ start: "2026-05-01T00:00:00.000Z", end: "2026-05-11T00:00:00.000Z", tz: "UTC" });
    expect(json.kpis!.find((k) => k.id === "issues.opened")!.value).toBe(1);
  });

  it.each([
    ["month=2026-13", "month"],
    ["month=2026-05&from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z", "month"],
    ["from=2026-05-01T00:00:00Z", "to"],
    ["month=2026-05&tz=Mars/Olympus", "tz"],
    ["repo=not-a-repo", "repo"],
    ["month=2026-05&extra=1", "_"],
  ])("rejects %s", async (query, field) => {
    const { status, json } = await call(query);
    expect(status).toBe(400);
    expect(Object.keys(json.error?.fieldErrors ?? {})).toContain(field);
  });

  it("404 for an unknown repository, 401 without credentials", async () => {
    expect((await call("repo=nobody/nothing&month=2026-05")).status).toBe(404);
    expect((await call("month=2026-05", null)).status).toBe(401);
  });
});
