import { expect, test } from "@playwright/test";

test("an admin creates an API token, sees it once, uses it, and revokes it", async ({ page, playwright, baseURL }) => {
  const name = `ci-pusher-${Date.now()}`;
  await page.goto("/settings/tokens");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Role").selectOption("maintainer");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^stw_[A-Za-z0-9_-]{40,}$/);

  // Shown once: after a reload only the prefix is left, never the secret.
  await page.reload();
  await expect(page.getByRole("cell", { name, exact: false }).first()).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  const client = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const me = await client.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ kind: "token", token: { name, role: "maintainer" } });
  // A maintainer token is still not an admin.
  expect((await client.get("/api/admin/users")).status()).toBe(403);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("revoked")).toBeVisible();
  expect((await client.get("/api/me")).status()).toBe(401);
  await client.dispose();
});

test("/metrics needs credentials and then serves Prometheus text", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get("/metrics")).status()).toBe(401);
  await anonymous.dispose();
  const response = await page.request.get("/metrics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  expect(text).toContain("steward_process_resident_memory_bytes");
  expect(text).toMatch(/steward_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
});
