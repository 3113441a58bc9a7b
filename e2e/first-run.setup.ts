// First run: the empty install sends everyone to /setup, the admin account is created there,
// then the other test accounts are made through the admin API and every session is saved.
import { expect, request, test as setup } from "@playwright/test";
import { ACCOUNTS, BASE_URL, STORAGE } from "./support/accounts";

setup("first visit creates the admin account", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to steward" })).toBeVisible();
  await page.getByLabel("Your name").fill(ACCOUNTS.admin.displayName);
  await page.getByLabel("Username", { exact: true }).fill(ACCOUNTS.admin.username);
  await page.getByLabel("Password", { exact: true }).fill(ACCOUNTS.admin.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByText(`${ACCOUNTS.admin.displayName}`)).toBeVisible();
  await page.context().storageState({ path: STORAGE.admin });

  // Setup is one-shot: once an admin exists the page sends people to sign in instead.
  await page.context().clearCookies();
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
});

setup("admin creates the maintainer and viewer accounts", async () => {
  const admin = await request.newContext({
    baseURL: BASE_URL,
    storageState: STORAGE.admin,
    extraHTTPHeaders: { origin: BASE_URL },
  });
  for (const account of [ACCOUNTS.maintainer, ACCOUNTS.viewer]) {
    const created = await admin.post("/api/admin/users", { data: account });
    expect(created.status(), await created.text()).toBe(201);
    const session = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { origin: BASE_URL } });
    const login = await session.post("/api/auth/login", {
      data: { username: account.username, password: account.password },
    });
    expect(login.status()).toBe(200);
    await session.storageState({ path: account.role === "viewer" ? STORAGE.viewer : STORAGE.maintainer });
    await session.dispose();
  }
  await admin.dispose();
});
