// Triage end to end: a maintainer opens the queue, filters to Breached, labels an untriaged issue P1
// through GitHub (the test server), and sees it move to Waiting for response; a viewer gets no
// actions and the server refuses them.
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { BASE_URL, STORAGE } from "./support/accounts";
import { E2E_GITHUB_TOKEN, E2E_REPO } from "./support/github";

const FULL_NAME = `${E2E_REPO.owner}/${E2E_REPO.name}`;
const YEAR_SECONDS = 365 * 86_400;
type Repo = { id: string; owner: string; name: string; lastSyncStatus: string | null };
type QueueItem = {
  id: string;
  number: number;
  kind: string;
  labels: string[];
  priority: string | null;
  firstResponseAt: string | null;
  createdAt: string;
  repoKey: string;
};

test.describe.configure({ mode: "serial" });
let admin: APIRequestContext;
let candidate: QueueItem;

async function repositories(): Promise<{ token: { source: string }; repositories: Repo[] }> {
  return (await admin.get("/api/repositories")).json();
}

/** The repository spec adds and syncs acme/widgets; run alone, this spec does it through the API. */
async function syncedRepository(): Promise<Repo> {
  const headers = { origin: BASE_URL };
  for (let i = 0; i < 30 && (await repositories()).token.source === "none"; i++)
    await new Promise((r) => setTimeout(r, 1000));
  if ((await repositories()).token.source === "none")
    expect((await admin.put("/api/admin/github-token", { headers, data: { token: E2E_GITHUB_TOKEN } })).ok()).toBe(
      true,
    );
  for (let i = 0; i < 20 && !(await repositories()).repositories.some((r) => `${r.owner}/${r.name}` === FULL_NAME); i++)
    await new Promise((r) => setTimeout(r, 1000));
  if (!(await repositories()).repositories.some((r) => `${r.owner}/${r.name}` === FULL_NAME))
    await admin.post("/api/admin/repositories", { headers, data: { fullName: FULL_NAME } });
  await expect
    .poll(
      async () => (await repositories()).repositories.find((r) => `${r.owner}/${r.name}` === FULL_NAME)?.lastSyncStatus,
      { timeout: 150_000, intervals: [1000] },
    )
    .toBe("succeeded");
  return (await repositories()).repositories.find((r) => `${r.owner}/${r.name}` === FULL_NAME)!;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  admin = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: STORAGE.admin });
  const repo = await syncedRepository();
  // The e2e data is dated 2026-11-01: with a one-year P1 target, a P1 issue is inside its target again.
  const settings = await (await admin.get(`/api/admin/triage-settings/${repo.id}`)).json();
  const put = await admin.put(`/api/admin/triage-settings/${repo.id}`, {
    headers: { origin: BASE_URL },
    data: { ...settings.config, targets: { ...settings.config.targets, P1: YEAR_SECONDS } },
  });
  expect(put.ok()).toBe(true);
  const queue = await (await admin.get(`/api/triage/queue?tab=breached&repo=${FULL_NAME}&priority=untriaged`)).json();
  // An untriaged issue nobody answered yet, young enough for the P1 target, that already has some label
  // (so the repository spec's "unlabeled issues" count is untouched when both run together).
  candidate = (queue.items as QueueItem[]).find(
    (i) =>
      i.kind === "issue" &&
      i.firstResponseAt === null &&
      i.labels.length > 0 &&
      Date.now() - Date.parse(i.createdAt) < 200 * 86_400_000,
  )!;
  expect(candidate, "an untriaged breached issue in the e2e data").toBeTruthy();
});

test.afterAll(async () => admin?.dispose());

test.describe("a maintainer", () => {
  test.use({ storageState: STORAGE.maintainer });

  test("filters to Breached, labels an untriaged issue P1 and sees it wait for a response", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/triage");
    await expect(page.getByRole("heading", { level: 1, name: "Triage" })).toBeVisible();
    await expect(page.getByText(/sorted by time left · calendar time clock/)).toBeVisible();
    await page
      .getByRole("navigation", { name: "Queues" })
      .getByRole("link", { name: /Breached/ })
      .click();
    await expect(page).toHaveURL(/tab=breached/);
    await page.getByLabel("Repository").selectOption(FULL_NAME);
    await expect(page).toHaveURL(/repo=acme%2Fwidgets|repo=acme\/widgets/);
    const row = page.getByTestId(`triage-row-${FULL_NAME}#${candidate.number}`);
    await expect(row).toBeVisible();
    await expect(row.getByText("Untriaged")).toBeVisible();
    const breachedBefore = Number(await page.getByTestId("tab-count-breached").textContent());

    await row.getByRole("checkbox").check();
    await page.getByLabel("Action", { exact: true }).selectOption("P1");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByLabel("Preview");
    await expect(preview).toContainText(`${FULL_NAME}#${candidate.number}`);
    await expect(preview).toContainText("addLabelsToLabelable P1");
    await page.getByRole("button", { name: "Send to GitHub" }).click();
    await expect(page.getByText("Sent to GitHub.")).toBeVisible({ timeout: 30_000 });

    await expect(row).toHaveCount(0);
    await expect(page.getByTestId("tab-count-breached")).toHaveText(String(breachedBefore - 1));
    await page
      .getByRole("navigation", { name: "Queues" })
      .getByRole("link", { name: /Waiting for response/ })
      .click();
    await expect(page).toHaveURL(/tab=waiting/);
    const moved = page.getByTestId(`triage-row-${FULL_NAME}#${candidate.number}`);
    await expect(moved).toBeVisible();
    await expect(moved.getByRole("cell").nth(1)).toHaveText("P1"); // the priority column (after the checkbox)
    await expect(moved).toContainText(/left to respond/);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: STORAGE.viewer });

  test("sees the queue without actions, and the server refuses them", async ({ page }) => {
    await page.goto("/triage?tab=all");
    await expect(page.getByTestId(`triage-row-${FULL_NAME}#${candidate.number}`)).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByLabel("Action", { exact: true })).toHaveCount(0);
    const refused = await page.request.post("/api/triage/actions", {
      headers: { origin: BASE_URL },
      data: { itemIds: [candidate.id], action: { kind: "set_priority", priority: "P0" }, confirm: true },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
  });
});
