import { expect, test } from "@playwright/test";
import { ACCOUNTS, STORAGE } from "./support/accounts";

const ADMIN_PAGES = ["/settings/users", "/settings/tokens", "/settings/audit"];

test.describe("a viewer", () => {
  test.use({ storageState: STORAGE.viewer });

  test("cannot open admin pages and does not see their tabs", async ({ page }) => {
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden\?need=admin$/);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    await page.goto("/settings");
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link")).toHaveText([
      "System",
      "Repositories",
      "Team",
    ]);
  });

  test("is refused by the server when posting to admin APIs directly", async ({ page, baseURL }) => {
    const headers = { origin: baseURL! };
    const create = await page.request.post("/api/admin/users", {
      headers,
      data: { username: "sneaky", displayName: "Sneaky", password: "sneaky password 1", role: "admin" },
    });
    expect(create.status()).toBe(403);
    expect((await create.json()).error.code).toBe("forbidden");
    const token = await page.request.post("/api/admin/tokens", { headers, data: { name: "mine", role: "admin" } });
    expect(token.status()).toBe(403);
    const list = await page.request.get("/api/admin/users");
    expect(list.status()).toBe(403);
  });
});

test.describe("a maintainer", () => {
  test.use({ storageState: STORAGE.maintainer });

  test("is not an admin either", async ({ page, baseURL }) => {
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const response = await page.request.patch("/api/admin/users/00000000-0000-7000-8000-000000000000", {
      headers: { origin: baseURL! },
      data: { role: "admin" },
    });
    expect(response.status()).toBe(403);
  });
});

test("an admin manages users: create, change role, deactivate", async ({ page, browser }) => {
  const username = `temp-${Date.now()}`;
  await page.goto("/settings/users");
  await page.getByLabel("Name", { exact: true }).fill("Temp Person");
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Initial password").fill("temporary password 1");
  await page.getByLabel("Role", { exact: true }).selectOption("maintainer");
  await page.getByRole("button", { name: "Add user" }).click();
  const row = page.getByTestId(`user-${username}`);
  await expect(row).toBeVisible();
  await expect(row.getByLabel(`Role of ${username}`)).toHaveValue("maintainer");

  await row.getByLabel(`Role of ${username}`).selectOption("viewer");
  await expect(row.getByLabel(`Role of ${username}`)).toHaveValue("viewer");
  await page.reload();
  await expect(page.getByTestId(`user-${username}`).getByLabel(`Role of ${username}`)).toHaveValue("viewer");

  // A too-short password is explained next to the field, and nothing is created.
  await page.getByLabel("Name", { exact: true }).fill("Short");
  await page.getByLabel("Username", { exact: true }).fill(`${username}-x`);
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Password must be at least 12 characters.")).toBeVisible();

  await page.getByTestId(`user-${username}`).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId(`user-${username}`).getByText("deactivated")).toBeVisible();

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await other.request.post("/api/auth/login", {
    headers: { origin: new URL(page.url()).origin },
    data: { username, password: "temporary password 1" },
  });
  expect(login.status()).toBe(401);
  await other.close();

  await page.goto("/settings/audit");
  await expect(
    page.getByRole("list", { name: "Audit entries" }).getByText("user.deactivated", { exact: true }).first(),
  ).toBeVisible();
  expect(ACCOUNTS.admin.role).toBe("admin");
});
