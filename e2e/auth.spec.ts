import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";

test.describe("signing in and out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a maintainer signs in, lands where they were going, and signs out", async ({ page }) => {
    await page.goto("/triage");
    await expect(page).toHaveURL(/\/login\?next=%2Ftriage$/);
    await page.getByLabel("Username", { exact: true }).fill(ACCOUNTS.maintainer.username);
    await page.getByLabel("Password", { exact: true }).fill(ACCOUNTS.maintainer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/triage$/);
    await expect(page.getByRole("heading", { name: "Triage" })).toBeVisible();
    await expect(page.getByText("maintainer", { exact: false }).first()).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.goto("/today");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password is refused with a clear message and keeps the username", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Username", { exact: true }).fill(ACCOUNTS.viewer.username);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password." })).toBeVisible();
    await expect(page.getByLabel("Username", { exact: true })).toHaveValue(ACCOUNTS.viewer.username);
    await expect(page.context().cookies()).resolves.toEqual([]);
  });

  test("an unknown user gets the same message as a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Username", { exact: true }).fill("nobody-here");
    await page.getByLabel("Password", { exact: true }).fill("whatever password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password." })).toBeVisible();
  });

  test("repeated failures throttle the account", async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const username = `throttle-${Date.now()}`;
    for (let i = 0; i < 5; i++) {
      const response = await request.post("/api/auth/login", {
        headers,
        data: { username, password: "wrong password" },
      });
      expect(response.status()).toBe(401);
    }
    const blocked = await request.post("/api/auth/login", { headers, data: { username, password: "wrong password" } });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
  });

  test("a login form posted from another site is refused", async ({ request }) => {
    const response = await request.post("/api/auth/login", {
      headers: { origin: "https://evil.example" },
      form: { username: ACCOUNTS.admin.username, password: ACCOUNTS.admin.password },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });
});
