// A lead looks at any range of days: picks the first and last day, the URL carries them (a link
// reproduces the view), and the tiles show that window — the KPI API's numbers for the same instants.
import { expect, test } from "@playwright/test";
import { syncedAdminApi, tileValue } from "./support/metrics";

type Report = { window: { start: string; end: string }; kpis: Array<{ id: string; value: number | null }> };

test("a lead picks any range of days and the tiles show that window", async ({ page, playwright }) => {
  test.setTimeout(400_000);
  const api = await syncedAdminApi(playwright);

  await page.goto("/kpis?month=2026-10&tz=UTC");
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Any range" }).click();
  await expect(page.getByLabel("From")).toBeVisible();
  await page.getByLabel("From").fill("2026-08-10");
  await page.getByLabel("To (included)").fill("2026-09-24");
  await page.getByRole("button", { name: "Show" }).click();

  await expect(page).toHaveURL(/fromDate=2026-08-10/);
  await expect(page).toHaveURL(/toDate=2026-09-24/);
  await expect(page).toHaveURL(/tz=UTC/);
  await expect(page.getByTestId("window")).toContainText("2026-08-10 00:00 – 2026-09-25 00:00 UTC");
  await expect(page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Any range" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // The same instants from the KPI API: the tiles show its numbers, not the month's.
  const range = "from=2026-08-10T00:00:00.000Z&to=2026-09-25T00:00:00.000Z&tz=UTC";
  const report = (await (await api.get(`/api/v1/kpis?${range}`)).json()) as Report;
  const month = (await (await api.get("/api/v1/kpis?month=2026-10&tz=UTC")).json()) as Report;
  await api.dispose();
  expect(report.window.start).toBe("2026-08-10T00:00:00.000Z");
  const value = (r: Report, id: string) => r.kpis.find((k) => k.id === id)?.value;
  for (const id of ["issues.opened", "issues.closed", "prs.opened", "prs.merged"]) {
    expect(Number((await tileValue(page, id)).replace(/,/g, "")), id).toBe(value(report, id));
  }
  const opened = value(report, "issues.opened") ?? 0;
  expect(opened).toBeGreaterThan(0);
  expect(opened, "a 46-day range is not October's count").not.toBe(value(month, "issues.opened"));

  // The URL alone reproduces the view.
  await page.goto(page.url());
  await expect(page.getByTestId("window")).toContainText("2026-08-10 00:00 – 2026-09-25 00:00 UTC");
});
