// Dependencies and Releases end to end, from the GitHub test server's data: an overdue patch update PR
// and a breached security alert on /dependencies; unreleased PRs and the changelog draft on /releases.
// The repository is the one repositories.spec.ts adds and syncs; run alone, this spec adds it itself.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { judgeUpdatePull } from "@/lib/deps/update-pull";
import type { PullRequestData } from "@/lib/github/test-server/types";
import { E2E_GITHUB_TOKEN, E2E_REPO, generateE2eRepo } from "./support/github";

const FULL_NAME = `${E2E_REPO.owner}/${E2E_REPO.name}`;
const DAY = 86_400_000;

type RepoRow = { id: string; owner: string; name: string; lastSyncStatus: string | null };

async function listRepos(request: APIRequestContext): Promise<RepoRow[]> {
  const body = (await (await request.get("/api/repositories")).json()) as { repositories: RepoRow[] };
  return body.repositories;
}
const isOurs = (r: RepoRow) => `${r.owner}/${r.name}`.toLowerCase() === FULL_NAME;

/** Waits for the synced repository (repositories.spec.ts adds it); adds it after 150 s without it. */
async function ensureSynced(request: APIRequestContext, origin: string) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const repo = (await listRepos(request)).find(isOurs);
    if (repo?.lastSyncStatus === "succeeded") return;
    if (!repo && Date.now() > deadline) {
      await request.put("/api/admin/github-token", { headers: { origin }, data: { token: E2E_GITHUB_TOKEN } });
      await request.post("/api/admin/repositories", { headers: { origin }, data: { fullName: FULL_NAME } });
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

function expectations() {
  const repo = generateE2eRepo();
  const now = Date.now();
  const openAlerts = repo.vulnerabilityAlerts.filter((a) => a.state === "OPEN");
  const alertPackages = new Set(openAlerts.map((a) => a.securityVulnerability?.package.name.toLowerCase()));
  const pulls = repo.items.filter((i): i is PullRequestData => i.__typename === "PullRequest");
  const overduePatch = pulls.find((p) => {
    if (p.state !== "OPEN" || now - Date.parse(p.createdAt) < 7 * DAY) return false;
    const f = judgeUpdatePull({
      title: p.title,
      body: p.body,
      labels: p.labels.map((l) => l.name),
      authorLogin: p.author?.login ?? null,
      authorType: p.author?.__typename === "Bot" ? "bot" : "user",
    });
    return f.isUpdate && f.updateClass === "patch" && !f.packages.some((x) => alertPackages.has(x.name.toLowerCase()));
  });
  const alert = openAlerts[0];
  const latest = repo.releases
    .filter((r) => !r.isDraft && !r.isPrerelease)
    .map((r) => ({ tag: r.tagName, at: Date.parse(r.publishedAt ?? r.createdAt), description: r.description }))
    .sort((a, b) => b.at - a.at)[0];
  const unreleased = pulls.filter(
    (p) => p.state === "MERGED" && p.baseRefName === "main" && p.mergedAt && Date.parse(p.mergedAt) > (latest?.at ?? 0),
  );
  return { overduePatch, alert, latest, unreleased };
}

test.describe.configure({ mode: "serial" });

test("Dependencies shows an overdue patch PR and a breached security alert; Releases shows unreleased PRs and a changelog draft", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await ensureSynced(page.request, baseURL!);
  const truth = expectations();
  expect(truth.overduePatch, "the generated repository has an overdue patch update PR").toBeTruthy();
  expect(truth.alert, "the generated repository has an open alert").toBeTruthy();
  expect(truth.unreleased.length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/dependencies?repo=${FULL_NAME}`);
  await expect(page.getByRole("heading", { level: 1, name: "Dependencies" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Repository" })).toHaveValue(FULL_NAME);
  // The tiles say what they count.
  const tiles = page.getByTestId(`tiles-${FULL_NAME}`);
  await expect(tiles.getByTestId("overdue-patch-minor")).not.toHaveText("0");
  await expect(tiles.getByTestId("overdue-security")).not.toHaveText("0");
  // Each tile's definition sits behind its ⓘ disclosure.
  const patchTile = tiles.getByRole("region", { name: "Overdue patch/minor" });
  await expect(patchTile).toBeVisible();
  await expect(patchTile).toContainText("past their target: patch 1 week, minor 2 weeks");

  const pullRow = page.getByTestId("update-pull-row").filter({ hasText: truth.overduePatch!.title });
  await expect(pullRow).toHaveCount(1);
  await expect(pullRow).toContainText("patch");
  await expect(pullRow.getByTestId("sla")).toHaveText("breached");
  await expect(pullRow).toContainText("7 days"); // the patch target

  const alertPackage = truth.alert!.securityVulnerability!.package.name;
  const alertRow = page.getByTestId("alert-row").filter({ hasText: `#${truth.alert!.number} ·` });
  await expect(alertRow).toContainText(alertPackage);
  await expect(alertRow.getByTestId("sla")).toHaveText("breached");
  await expect(alertRow).toContainText("24 h");
  // Breached first: the first alert row is breached.
  await expect(page.getByTestId("alert-row").first().getByTestId("sla")).toHaveText("breached");
  // 390 px: the page itself does not scroll sideways (wide tables scroll inside their card).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/releases?repo=${FULL_NAME}`);
  await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();
  await expect(page.getByText(`since ${truth.latest!.tag}`)).toBeVisible();
  const unreleased = page.getByTestId("unreleased");
  for (const p of truth.unreleased)
    await expect(unreleased.getByRole("link", { name: p.title, exact: true })).toBeVisible();
  const draft = page.getByTestId("changelog-draft");
  for (const p of truth.unreleased) await expect(draft).toContainText(`(#${p.number})`);
  await expect(draft).toContainText("## v");
  await expect(page.getByRole("button", { name: "Copy Markdown" })).toBeVisible();
  await expect(page.getByTestId("release-history")).toContainText(truth.latest!.tag);
  // The release's own notes (GitHub's Release.description), rendered as Markdown, not the tag message.
  const latestEntry = page.getByTestId("release-history").locator("li").filter({ hasText: truth.latest!.tag }).first();
  const notes = latestEntry.getByTestId("release-notes");
  await expect(notes).toHaveAttribute("data-source", "release");
  await expect(notes.getByRole("heading", { level: 2, name: "What's changed" })).toBeVisible();
  await expect(notes.locator("li")).toHaveText(truth.latest!.description.split("* ")[1]!);
  await expect(page.getByTestId("cadence")).toContainText("target every 3–6 months");
});

test("a viewer reads both pages and both APIs; an unknown repository is a 404", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: "e2e/.auth/viewer.json", baseURL });
  const page = await context.newPage();
  await page.goto("/dependencies");
  await expect(page.getByRole("heading", { level: 1, name: "Dependencies" })).toBeVisible();
  const deps = await page.request.get(`/api/v1/dependencies?repo=${FULL_NAME}`);
  expect(deps.status()).toBe(200);
  expect(Object.keys(await deps.json())).toEqual(expect.arrayContaining(["alerts", "updatePulls", "outdated"]));
  const rel = await page.request.get(`/api/v1/releases?repo=${FULL_NAME}`);
  expect(Object.keys(await rel.json())).toEqual(expect.arrayContaining(["releases", "unreleased"]));
  expect((await page.request.get("/api/v1/releases?repo=nobody/nothing")).status()).toBe(404);
  await context.close();
});
