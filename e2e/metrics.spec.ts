// A lead's monthly review: opens Metrics, changes the month, sees the change against the previous
// month, downloads the Markdown report and finds the page's numbers in it. Data: the e2e GitHub
// repository, synced by repositories.spec (or by this spec when it runs alone).
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BASE_URL } from "./support/accounts";
import { E2E_GITHUB_TOKEN, E2E_REPO } from "./support/github";

const FULL_NAME = `${E2E_REPO.owner}/${E2E_REPO.name}`;
type Repos = { repositories: Array<{ owner: string; name: string; lastSyncStatus: string | null }> };

async function synced(api: APIRequestContext): Promise<"none" | "pending" | "done"> {
  const { repositories } = (await (await api.get("/api/repositories")).json()) as Repos;
  const row = repositories.find((r) => `${r.owner}/${r.name}` === FULL_NAME);
  return !row ? "none" : row.lastSyncStatus === "succeeded" ? "done" : "pending";
}

/** Waits for repositories.spec's sync; adds the repository itself only if nobody did within 150 s. */
async function ensureSyncedRepository(api: APIRequestContext): Promise<void> {
  const started = Date.now();
  let state = await synced(api);
  while (state === "none" && Date.now() - started < 150_000) {
    await new Promise((r) => setTimeout(r, 2000));
    state = await synced(api);
  }
  if (state === "none") {
    expect((await api.put("/api/admin/github-token", { data: { token: E2E_GITHUB_TOKEN } })).ok()).toBe(true);
    expect((await api.post("/api/admin/repositories", { data: { fullName: FULL_NAME } })).status()).toBe(201);
  }
  await expect.poll(() => synced(api), { timeout: 150_000, intervals: [2000] }).toBe("done");
}

const tileValue = (page: import("@playwright/test").Page, id: string) =>
  page.locator(`[data-kpi="${id}"] [data-testid="kpi-value"]`).innerText();

test("a lead reviews a month, compares it with the one before and downloads the report", async ({
  page,
  playwright,
}) => {
  test.setTimeout(400_000);
  const api = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: "e2e/.auth/admin.json",
    extraHTTPHeaders: { origin: BASE_URL },
  });
  await ensureSyncedRepository(api);
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
