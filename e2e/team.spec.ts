import { expect, test } from "@playwright/test";
import { STORAGE } from "./support/accounts";

const DEFAULTS = {
  timeZone: "UTC",
  workingDays: [1, 2, 3, 4, 5],
  workStart: "09:00",
  workEnd: "17:00",
  holidays: [],
  businessHours: false,
};

test("an admin sets the team's time zone and holidays; a bad zone is refused with a field error", async ({
  page,
  baseURL,
}) => {
  await page.goto("/settings/team");
  await expect(page.getByText("Not set yet").or(page.getByText("Times across steward"))).toBeVisible();
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("Not a known IANA time zone")).toBeVisible();

  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByLabel("Saturday").check();
  await page.getByLabel("Holidays").fill("2026-12-24\n2026-12-25");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByLabel("Saturday")).toBeChecked();
  await expect(page.getByLabel("Holidays")).toHaveValue("2026-12-24\n2026-12-25");

  // Other specs expect the defaults.
  expect((await page.request.put("/api/team", { data: DEFAULTS, headers: { origin: baseURL! } })).status()).toBe(200);
});

test.describe("as a viewer", () => {
  test.use({ storageState: STORAGE.viewer });
  test("the schedule is read-only and the server refuses a change", async ({ page, baseURL }) => {
    await page.goto("/settings/team");
    await expect(page.getByLabel("Time zone")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save schedule" })).toHaveCount(0);
    expect((await page.request.put("/api/team", { data: DEFAULTS, headers: { origin: baseURL! } })).status()).toBe(403);
  });
});
