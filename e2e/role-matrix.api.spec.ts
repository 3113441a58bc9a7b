// Role × route matrix: every route handler and page in app/ (read from the file system) × every
// kind of caller, against the one table in e2e/support/route-roles.ts.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ROLES, type Role } from "@/lib/auth/roles";
import { BASE_URL, STORAGE } from "./support/accounts";
import { API_ROUTE_ROLES, DESTRUCTIVE_WITHOUT_ID, PAGE_ROLES, type Requirement } from "./support/route-roles";
import { listApiRouteTemplates, listPageTemplates, sampleUrl } from "./support/routes";

type Caller = { name: string; role: Role | null; headers: Record<string, string> };

const TABLE_FILE = "e2e/support/route-roles.ts";
const allows = (requirement: Requirement, role: Role | null) =>
  requirement === "public" ||
  (requirement !== "signed" && role !== null && ROLES.indexOf(role) >= ROLES.indexOf(requirement));

/** Every `[param]` page shows one record (the catch-all aside). */
const showsOneRecord = (template: string) => template.includes("[") && !template.includes("[...");

test.describe.configure({ mode: "serial" });

let admin: APIRequestContext;
const callers: Caller[] = [];

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({
    baseURL: BASE_URL,
    storageState: STORAGE.admin,
    extraHTTPHeaders: { origin: BASE_URL },
  });
  const token = async (role: Role) => {
    const created = await admin.post("/api/admin/tokens", { data: { name: `matrix-${role}-${Date.now()}`, role } });
    expect(created.status(), await created.text()).toBe(201);
    return (await created.json()) as { token: { id: string; token: string } };
  };
  callers.push({ name: "anonymous", role: null, headers: {} });
  for (const role of ROLES)
    callers.push({
      name: `${role} token`,
      role,
      headers: { authorization: `Bearer ${(await token(role)).token.token}` },
    });
  const revoked = await token("admin");
  expect((await admin.delete(`/api/admin/tokens/${revoked.token.id}`)).status()).toBe(200);
  callers.push({
    name: "revoked admin token",
    role: null,
    headers: { authorization: `Bearer ${revoked.token.token}` },
  });
});

test.afterAll(async () => admin.dispose());

test("every route handler in app/ is in the table, and the table has no stale entries", () => {
  const found = listApiRouteTemplates().map((r) => `${r.method} ${r.template}`);
  const missing = found.filter((key) => !(key in API_ROUTE_ROLES));
  expect(missing, `Add these routes with their required role to ${TABLE_FILE}`).toEqual([]);
  expect(
    Object.keys(API_ROUTE_ROLES).filter((key) => !found.includes(key)),
    `Remove these from ${TABLE_FILE}`,
  ).toEqual([]);
  const pages = listPageTemplates();
  expect(
    pages.filter((p) => !(p in PAGE_ROLES)),
    `Add these pages with their required role to ${TABLE_FILE}`,
  ).toEqual([]);
  expect(
    Object.keys(PAGE_ROLES).filter((p) => !pages.includes(p)),
    `Remove these pages from ${TABLE_FILE}`,
  ).toEqual([]);
});

test("every route and method answers each caller as its required role says", async ({ request }) => {
  const failures: string[] = [];
  for (const { template, method } of listApiRouteTemplates()) {
    const key = `${method} ${template}`;
    const requirement = API_ROUTE_ROLES[key];
    if (!requirement) continue; // reported by the test above
    for (const caller of callers) {
      const permitted = allows(requirement, caller.role);
      if (permitted && DESTRUCTIVE_WITHOUT_ID.has(key)) continue;
      const response = await request.fetch(sampleUrl(template), {
        method,
        maxRedirects: 0,
        headers: { ...caller.headers, origin: BASE_URL, "content-type": "application/json" },
        data: method === "GET" ? undefined : {},
      });
      const status = response.status();
      const expected = permitted ? "neither 401 nor 403" : caller.role === null || requirement === "signed" ? 401 : 403;
      const ok = permitted ? status !== 401 && status !== 403 && status < 500 : status === expected;
      if (!ok) failures.push(`${key} as ${caller.name}: got ${status}, expected ${expected} (table: ${requirement})`);
      else if (!permitted)
        expect((await response.json()).error.code, key).toBe(status === 401 ? "unauthorized" : "forbidden");
    }
  }
  expect(failures, `Either the code or ${TABLE_FILE} is wrong`).toEqual([]);
});

test("every page answers each signed-in role and anonymous visitors as its required role says", async () => {
  const failures: string[] = [];
  const sessions: Array<{ name: string; role: Role | null; storage?: string }> = [
    { name: "anonymous", role: null },
    { name: "viewer session", role: "viewer", storage: STORAGE.viewer },
    { name: "maintainer session", role: "maintainer", storage: STORAGE.maintainer },
    { name: "admin session", role: "admin", storage: STORAGE.admin },
  ];
  for (const session of sessions) {
    const context = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: session.storage ?? { cookies: [], origins: [] },
    });
    for (const template of listPageTemplates()) {
      const requirement = PAGE_ROLES[template];
      if (!requirement || requirement === "public") continue;
      const path = sampleUrl(template);
      const html = await context.get(path, { maxRedirects: 0, headers: { accept: "text/html" } });
      const where = new URL(html.headers()["location"] ?? "", BASE_URL).pathname;
      const label = `${path} as ${session.name} (table: ${requirement})`;
      if (session.role === null) {
        if (html.status() !== 307 || where !== "/login")
          failures.push(`${label}: got ${html.status()} → ${where}, expected 307 → /login`);
      } else if (!allows(requirement, session.role)) {
        if (html.status() !== 307 || where !== "/forbidden")
          failures.push(`${label}: got ${html.status()} → ${where}, expected 307 → /forbidden`);
        const api = await context.get(path, { maxRedirects: 0, headers: { accept: "application/json" } });
        if (api.status() !== 403) failures.push(`${label} asking for JSON: got ${api.status()}, expected 403`);
      } else if (showsOneRecord(template)) {
        // The sample URL's ids match no record: a real 404 before rendering (lib/auth/page-access.ts
        // RECORD_PAGES, whose unit test holds it to these same templates), without a stack trace.
        const body = await html.text();
        if (html.status() !== 404 || !body.includes("Page not found") || /\bat \S+ \(|node_modules/.test(body))
          failures.push(`${label}: got ${html.status()}, expected a 404 "Page not found" (no such record)`);
      } else if (![200, 307, 404].includes(html.status()) || ["/login", "/forbidden"].includes(where)) {
        failures.push(`${label}: got ${html.status()} → ${where}, expected the page`);
      }
    }
    await context.dispose();
  }
  expect(failures, `Either the code, lib/auth/page-access.ts or ${TABLE_FILE} is wrong`).toEqual([]);
});
