// A lead's monthly review: opens Metrics, changes the month, sees the change against the previous
// month, downloads the Markdown report and finds the page's numbers in it. Data: the e2e GitHub
// repository, synced by repositories.spec (or by this spec when it runs alone).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { syncedAdminApi, tileValue } from "./support/metrics";

test("a lead reviews a month, compares it with the one before and downloads the report", async ({
  page,
  playwright,
}) => {
  test.setTimeout(400_000);
  const api = await syncedAdminApi(playwright);
  await api.dispose();

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" }).click();
  await expect(page).toHaveURL(/\/kpis/);
  await page.goto("/kpis?month=2026-10&tz=UTC");
  await expect(page.getByRole("heading", { level: 1, name: "Metrics 2026-10" })).toBeVisible();
  await expect(page.getByTestId("window")).toContainText("2026-10-01 00:00 – 2026-11-01 00:00 UTC");

  // Change the month with the picker; the filter lands in the URL.
  await page.getByLabel("Month", { exact: true }).fill("2026-09");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/month=2026-09/);
  await expect(page.getByRole("heading", { level: 1, name: "Metrics 2026-09" })).toBeVisible();

  // Deltas against August, and the definition behind ⓘ.
  const opened = page.locator('[data-kpi="issues.opened"]');
  await expect(opened.getByTestId("kpi-delta")).toContainText(/vs \d+/);
  await expect(page.locator('[data-kpi="issues.closed"]').getByTestId("kpi-delta")).toContainText(
    /(better|worse|same)/,
  );
  await opened.getByLabel("Definition of Issues opened").click();
  await expect(opened.getByText(/Issues created in the window/)).toBeVisible();

  // The Markdown report of the same month carries the page's numbers.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Markdown report (2026-09.md)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("2026-09.md");
  const report = readFileSync(await file.path(), "utf8");
  expect(report).toContain("# Metrics review 2026-09");
  for (const [id, label] of [
    ["issues.opened", "Issues opened"],
    ["issues.closed", "Issues closed"],
    ["prs.merged", "Pull requests merged"],
    ["prs.merge_rate", "Merge rate"],
    ["issues.first_response.median", "Issue first response (median)"],
  ] as const) {
    const shown = await tileValue(page, id);
    expect(report, `${label} in the report`).toContain(`| ${label} | ${shown} |`);
  }
  expect(Number((await tileValue(page, "issues.opened")).replace(/,/g, ""))).toBeGreaterThan(0);
});
