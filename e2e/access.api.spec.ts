// Anonymous requests to every page and API route: pages redirect to /login, APIs answer 401,
// except the documented public endpoints.
import { expect, test } from "@playwright/test";
import { listApiRoutes, listPages } from "./support/routes";

const PUBLIC_PAGES = ["/login", "/setup", "/status"];
// Public by design: liveness, and the sign-in flow itself (each has its own checks).
const PUBLIC_API: Record<string, number> = {
  "GET /api/health": 200,
  "POST /api/auth/login": 400,
  "POST /api/auth/logout": 200,
  "POST /api/auth/setup": 409,
};

test("every page redirects anonymous visitors to /login", async ({ request }) => {
  const pages = listPages();
  expect(pages).toContain("/today");
  for (const path of pages.filter((p) => !PUBLIC_PAGES.includes(p))) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(400);
    expect(new URL(response.headers()["location"] ?? "", "http://x").pathname, path).toBe("/login");
  }
});

test("the public pages render for anonymous visitors", async ({ request }) => {
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  expect(await login.text()).toContain("Sign in");
  const setup = await request.get("/setup", { maxRedirects: 0 });
  expect(setup.status()).toBe(307); // setup is done, so it points to /login
  // The public status page: 404 while off (the default), 200 once an admin enables it; never a redirect.
  const status = await request.get("/status", { maxRedirects: 0 });
  expect([200, 404]).toContain(status.status());
});

test("every API route answers 401 to anonymous requests, except the public ones", async ({ request, baseURL }) => {
  const routes = listApiRoutes();
  expect(routes.length).toBeGreaterThan(8);
  for (const { path, method } of routes) {
    const key = `${method} ${path}`;
    const response = await request.fetch(path, {
      method,
      maxRedirects: 0,
      headers: { origin: baseURL!, "content-type": "application/json" },
      data: method === "GET" ? undefined : {},
    });
    const expected = PUBLIC_API[key] ?? 401;
    expect(response.status(), key).toBe(expected);
    if (expected === 401) {
      const body = await response.json();
      expect(body.error.code, key).toBe("unauthorized");
      expect(JSON.stringify(body), key).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
    }
  }
  // Every public route listed above still exists (a stale allow-list would hide a new route).
  for (const key of Object.keys(PUBLIC_API)) expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(key);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.checks.database.status).toBe("ok");
});
