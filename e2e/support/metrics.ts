// Shared by the Metrics specs: an admin's API client once the e2e GitHub repository is synced, and a KPI
// tile's shown value.
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { BASE_URL, STORAGE } from "./accounts";
import { E2E_GITHUB_TOKEN, E2E_REPO } from "./github";

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

/** An admin's API client (the caller disposes it), once the e2e repository is synced. */
export async function syncedAdminApi(playwright: PlaywrightWorkerArgs["playwright"]): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: STORAGE.admin,
    extraHTTPHeaders: { origin: BASE_URL },
  });
  await ensureSyncedRepository(api);
  return api;
}

export const tileValue = (page: Page, id: string) =>
  page.locator(`[data-kpi="${id}"] [data-testid="kpi-value"]`).innerText();
