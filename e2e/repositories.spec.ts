// GitHub ingestion end to end: an admin enters a token in Settings (checked against the GitHub test
// server, stored encrypted, never shown again), adds a repository, watches its first sync's
// progress, then sees the repository overview with the numbers the generator says are true.
import { expect, test } from "@playwright/test";
import { groundTruth } from "@/lib/github/test-server/ground-truth";
import { STORAGE } from "./support/accounts";
import { E2E_GITHUB_TOKEN, E2E_REPO, generateE2eRepo } from "./support/github";

const FULL_NAME = `${E2E_REPO.owner}/${E2E_REPO.name}`;

test.describe.configure({ mode: "serial" });

test("an admin stores a token, adds a repository, watches it sync and opens its overview", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/settings/repositories");
  await expect(page.getByRole("heading", { name: "No repositories yet" })).toBeVisible();
  await expect(page.getByText("No token yet")).toBeVisible();

  // A token GitHub refuses is not stored, and the form says why.
  await page.getByLabel("Token").fill("ghp_wrong");
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(page.getByText(/did not accept this token: .*bad credentials/i)).toBeVisible();
  await page.getByLabel("Token").fill(E2E_GITHUB_TOKEN);
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(page.getByText(/A token is stored, encrypted/)).toBeVisible();
  expect(await page.content()).not.toContain(E2E_GITHUB_TOKEN);

  // Bad input gets a field error; a real name is added and its first sync starts at once.
  await page.getByLabel("Repository").fill("not a repository");
  await page.getByRole("button", { name: "Add repository" }).click();
  await expect(page.getByText("Enter a repository as owner/name, e.g. acme/widgets.")).toBeVisible();
  await page.getByLabel("Repository").fill(FULL_NAME);
  await page.getByRole("button", { name: "Add repository" }).click();
  const row = page.getByTestId(`repository-${FULL_NAME}`);
  await expect(row.getByRole("link", { name: FULL_NAME, exact: true })).toBeVisible();

  // Live progress while it runs: items, pages, requests and rate-limit points, then the result. The first
  // sync takes seconds, so on a busy machine the list may first refresh after it ended: the live counters
  // are judged whenever they are seen, and the finished run's totals on the history page always.
  const progress = row.getByRole("status", { name: `Sync progress of ${FULL_NAME}` });
  const succeeded = row.getByText("succeeded");
  await expect(progress.or(succeeded)).toBeVisible({ timeout: 30_000 });
  const live = await progress
    .getByTestId("sync-counters")
    .textContent({ timeout: 1_000 })
    .catch(() => null);
  if (live !== null) expect(live).toMatch(/\d+ .*items · \d+ pages · \d+ requests · \d+ points used/);
  await expect(succeeded).toBeVisible({ timeout: 90_000 });

  // The history page lists the run; "Sync now" runs an incremental sync.
  await row.getByRole("link", { name: `Sync history of ${FULL_NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: FULL_NAME })).toBeVisible();
  const runs = page.getByRole("table", { name: "Sync runs, newest first" }).locator("tbody tr");
  await expect(runs).toHaveCount(1);
  // The first run's items (changed), requests and points: what the live counters showed, kept.
  const cells = runs.first().locator("td");
  for (const column of [4, 5, 6])
    expect(Number((await cells.nth(column).innerText()).replace(/\D.*$/s, ""))).toBeGreaterThan(0);
  await page.getByRole("button", { name: `Sync ${FULL_NAME} now` }).click();
  await expect(runs).toHaveCount(2, { timeout: 30_000 });
  await expect(runs.first().getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  await expect(runs.first()).toContainText("manual");

  // The overview shows what the generator says is true.
  const truth = groundTruth(generateE2eRepo());
  const open = truth.items.filter((i) => i.state === "OPEN");
  const openIssues = open.filter((i) => i.kind === "Issue");
  await page.getByRole("link", { name: "Repository overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FULL_NAME })).toBeVisible();
  for (const heading of [
    "Open issues",
    "Open pull requests",
    "Unlabeled issues",
    "Default branch CI",
    "Latest release",
    "Security alerts",
    "Last sync",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByTestId("open-issues-count")).toHaveText(String(openIssues.length));
  await expect(page.getByTestId("open-pulls-count")).toHaveText(String(open.length - openIssues.length));
  await expect(page.getByTestId("unlabeled-issues-count")).toHaveText(
    String(openIssues.filter((i) => i.labels.length === 0).length),
  );
});

test.describe("a viewer", () => {
  test.use({ storageState: STORAGE.viewer });

  test("sees repositories and their sync state but cannot add, sync or touch the token", async ({ page, baseURL }) => {
    await page.goto("/settings/repositories");
    await expect(page.getByRole("heading", { name: "GitHub token" })).toBeVisible();
    await expect(page.getByLabel("Token")).toHaveCount(0);
    await expect(page.getByLabel("Repository")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Sync .* now/ })).toHaveCount(0);
    const headers = { origin: baseURL! };
    expect((await page.request.put("/api/admin/github-token", { headers, data: { token: "x" } })).status()).toBe(403);
    expect(
      (await page.request.post("/api/admin/repositories", { headers, data: { fullName: "acme/other" } })).status(),
    ).toBe(403);
    const list = await (await page.request.get("/api/repositories")).json();
    expect(JSON.stringify(list)).not.toContain(E2E_GITHUB_TOKEN);
    const repo = list.repositories.find((r: { owner: string; name: string }) => `${r.owner}/${r.name}` === FULL_NAME);
    expect(repo).toBeTruthy();
    expect((await page.request.post(`/api/repositories/${repo.id}/sync`, { headers })).status()).toBe(403);
  });
});
