// The API contract of GET /api/v1/triage and /api/v1/triage/summary, through the route handlers.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getQueue } from "@/app/api/v1/triage/route";
import { GET as getSummary } from "@/app/api/v1/triage/summary/route";
import { createTestApiToken } from "@/lib/testing/factories";
import { createTriageItems, createTriageRepo } from "./testing";

// Wall-clock routes: fixtures sit hours away from any boundary, so the minutes a test takes cannot matter.
const start = Date.now();
const h = (n: number) => new Date(start - n * 3_600_000);
let token = "";
let repoKey = "";

beforeAll(async () => {
  token = (await createTestApiToken("viewer")).token;
  const repo = await createTriageRepo();
  repoKey = repo.key;
  await createTriageItems(repo.id, [
    { number: 1, createdAt: h(60) },
    { number: 2, createdAt: h(10), labels: ["P1"], comments: [{ at: h(5), author: ["maya", "user"] }] },
    { number: 3, createdAt: h(30), labels: ["P0"] },
    { number: 4, kind: "pull_request", createdAt: h(2) },
    { number: 5, state: "CLOSED", createdAt: h(3), closedAt: h(2) },
  ]);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(handler: typeof getQueue, path: string, auth: string | null = token) {
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${auth}` } : {};
  const response = await handler(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }), {});
  return { status: response.status, json: (await response.json()) as Json };
}

describe("GET /api/v1/triage", () => {
  it("lists every open issue and PR with the documented fields", async () => {
    const { status, json } = await call(getQueue, `/api/v1/triage?repo=${repoKey}`);
    expect(status).toBe(200);
    expect(json.nextCursor).toBeNull();
    expect(json.items.map((i: Json) => [i.number, i.kind, i.priority, i.state, i.stale])).toEqual([
      [1, "issue", null, "breached", null],
      [2, "issue", "P1", "responded", null],
      [3, "issue", "P0", "breached", null],
      [4, "pull_request", null, "within", null],
    ]);
    const two = json.items[1];
    expect(Object.keys(two).sort()).toEqual([
      "createdAt",
      "dueAt",
      "firstResponseAt",
      "kind",
      "lastHumanActivityAt",
      "number",
      "priority",
      "repo",
      "stale",
      "state",
      "targetSeconds",
      "title",
      "url",
    ]);
    expect(two).toMatchObject({
      repo: repoKey,
      targetSeconds: 72 * 3600,
      createdAt: h(10).toISOString(),
      firstResponseAt: h(5).toISOString(),
      dueAt: new Date(h(10).getTime() + 72 * 3_600_000).toISOString(),
      lastHumanActivityAt: h(5).toISOString(),
    });
  });
  it("filters by state and pages with a cursor", async () => {
    expect(
      (await call(getQueue, `/api/v1/triage?repo=${repoKey}&state=breached`)).json.items.map((i: Json) => i.number),
    ).toEqual([1, 3]);
    expect(
      (await call(getQueue, `/api/v1/triage?repo=${repoKey}&state=untriaged`)).json.items.map((i: Json) => i.number),
    ).toEqual([1, 4]);
    const first = await call(getQueue, `/api/v1/triage?repo=${repoKey}&limit=3`);
    expect(first.json.items.map((i: Json) => i.number)).toEqual([1, 2, 3]);
    const second = await call(getQueue, `/api/v1/triage?repo=${repoKey}&limit=3&cursor=${first.json.nextCursor}`);
    expect(second.json).toMatchObject({ nextCursor: null });
    expect(second.json.items.map((i: Json) => i.number)).toEqual([4]);
  });
  it("refuses bad requests with the one error shape", async () => {
    expect((await call(getQueue, `/api/v1/triage?repo=${repoKey}`, null)).status).toBe(401);
    const big = await call(getQueue, `/api/v1/triage?limit=10001`);
    expect(big.status).toBe(400);
    expect(big.json.error).toMatchObject({ code: "validation_failed", fieldErrors: { limit: expect.any(Array) } });
    expect((await call(getQueue, `/api/v1/triage?state=late`)).status).toBe(400);
    expect((await call(getQueue, `/api/v1/triage?repo=nobody/nothing`)).json.error.code).toBe("not_found");
    expect((await call(getQueue, `/api/v1/triage?cursor=bm9wZQ`)).status).toBe(400);
  });
});

describe("GET /api/v1/triage/summary", () => {
  it("summarizes per priority with definitions", async () => {
    const { status, json } = await call(getSummary, `/api/v1/triage/summary?repo=${repoKey}&days=30`);
    expect(status).toBe(200);
    expect(json).toMatchObject({ days: 30, clock: "calendar", definitions: { shareWithinTarget: expect.any(String) } });
    const p1 = json.rows.find((r: Json) => r.priority === "P1");
    expect(p1).toEqual({
      repo: repoKey,
      priority: "P1",
      items: 1,
      decided: 1,
      respondedWithinTarget: 1,
      shareWithinTarget: 1,
      medianResponseSeconds: 5 * 3600,
      breachedNow: 0,
    });
    const untriaged = json.rows.find((r: Json) => r.priority === "untriaged");
    expect(untriaged).toMatchObject({ items: 3, decided: 2, respondedWithinTarget: 1, breachedNow: 1 }); // #5 closed within 1 h
    expect((await call(getSummary, `/api/v1/triage/summary?days=0`)).status).toBe(400);
  });
});
