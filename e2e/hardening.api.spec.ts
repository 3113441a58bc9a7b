// Regression tests for the security probe's findings (issue #8), over real HTTP.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, BASE_URL, E2E_PORT, STORAGE } from "./support/accounts";

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { origin: BASE_URL, "content-type": "application/x-www-form-urlencoded" };

test.describe("sign-in redirects", () => {
  for (const next of ["/today\r\nX-Injected: 1", "/\t/evil.example", "//evil.example", "/%09/evil.example"]) {
    test(`next=${JSON.stringify(next)} lands on this site with a session cookie`, async ({ playwright }) => {
      const client = await playwright.request.newContext({ baseURL: BASE_URL });
      const { username, password } = ACCOUNTS.viewer;
      const response = await client.post("/api/auth/login", {
        headers: formHeaders,
        data: form({ username, password, next }),
        maxRedirects: 0,
      });
      expect(response.status()).toBe(303);
      const location = response.headers()["location"] ?? "";
      expect(location.startsWith("/") && !location.startsWith("//"), location).toBe(true);
      expect(new URL(location, "http://us.example").origin).toBe("http://us.example");
      expect(response.headers()["set-cookie"]).toContain("steward_session=");
      expect(response.headers()["x-injected"]).toBeUndefined();
      await client.dispose();
    });
  }
});

test("redirects never take their host from the Host header", async () => {
  const location = await new Promise<string | undefined>((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port: E2E_PORT, path: "/settings/users", headers: { host: "evil.example" } },
      (res) => {
        res.resume();
        resolve(res.headers.location);
      },
    );
    req.on("error", reject);
  });
  expect(location).toMatch(/^\/login\?next=/);
});

test("a chunked 200 MiB body to the public login endpoint is refused without being read", async () => {
  const total = 200 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
    let sent = 0;
    let done = false;
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        path: "/api/auth/login",
        method: "POST",
        headers: { origin: BASE_URL, "content-type": "application/json", "transfer-encoding": "chunked" },
      },
      (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      },
    );
    req.on("error", (error) => (done ? undefined : reject(error)));
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    pump();
  });
  expect(result.status).toBe(413);
  expect(result.sent).toBeLessThan(total);
});

test("authenticated API responses are never cached; pages carry a nonce CSP", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: BASE_URL, storageState: STORAGE.viewer });
  const me = await client.get("/api/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toBe("no-store");
  const page = await client.get("/today");
  const csp = page.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await client.get("/today");
  expect(again.headers()["content-security-policy"]).not.toBe(csp); // a fresh nonce per response
  await client.dispose();
});

test("forbidden pages redirect for real, malformed ids are 404", async ({ playwright }) => {
  const viewer = await playwright.request.newContext({ baseURL: BASE_URL, storageState: STORAGE.viewer });
  const page = await viewer.get("/settings/users", { maxRedirects: 0, headers: { accept: "text/html" } });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toBe("/forbidden?need=admin");
  const api = await viewer.get("/settings/users", { maxRedirects: 0, headers: { accept: "application/json" } });
  expect(api.status()).toBe(403);
  for (const path of ["/health/not-a-uuid", "/health/not-a-uuid/edit", "/settings/repositories/42"]) {
    const response = await viewer.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Page not found");
  }
  await viewer.dispose();
});

test("a well-formed id of no record is a real 404 before rendering; an existing record's page opens", async ({
  playwright,
}) => {
  const admin = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: STORAGE.admin,
    extraHTTPHeaders: { origin: BASE_URL },
  });
  const viewer = await playwright.request.newContext({ baseURL: BASE_URL, storageState: STORAGE.viewer });
  const slug = `harden-404-${Date.now()}`;
  const created = await admin.post("/api/admin/health-targets", {
    data: { kind: "push", name: `Harden ${slug}`, slug, heartbeats: false },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { target: { id: string } }).target;
  const nobody = randomUUID();
  const html = { maxRedirects: 0, headers: { accept: "text/html" } };
  expect((await viewer.get(`/health/${id}`, html)).status()).toBe(200);
  expect((await admin.get(`/health/${id}/edit`, html)).status()).toBe(200);
  for (const path of [
    `/health/${nobody}`,
    `/incidents/${nobody}`,
    `/settings/repositories/${nobody}`,
    "/repositories/nobody/nothing",
  ]) {
    const response = await viewer.get(path, html);
    expect(response.status(), path).toBe(404);
    const body = await response.text();
    expect(body, path).toContain("Page not found");
    expect(body, path).not.toMatch(/\bat \S+ \(|node_modules|Error:/);
  }
  // The role comes first: a viewer learns nothing about which ids exist on an admin page.
  const edit = await viewer.get(`/health/${nobody}/edit`, html);
  expect([edit.status(), edit.headers()["location"]]).toEqual([307, "/forbidden?need=admin"]);
  expect((await admin.get(`/health/${nobody}/edit`, html)).status()).toBe(404);
  // Signed out: the sign-in page, whether or not the record exists.
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
  for (const target of [id, nobody])
    expect((await anonymous.get(`/health/${target}`, html)).headers()["location"]).toBe(
      `/login?next=%2Fhealth%2F${target}`,
    );
  expect((await admin.delete(`/api/admin/health-targets/${id}`)).status()).toBe(200);
  expect((await viewer.get(`/health/${id}`, html)).status()).toBe(404); // deleted: gone for real
  await Promise.all([admin.dispose(), viewer.dispose(), anonymous.dispose()]);
});

test("the favicon is served (no 404 on every page)", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
});
