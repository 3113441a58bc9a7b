// Runbooks end to end: import the open-source template through the preview, activate it, see Today's morning
// check and the Morning Check run, tick a manual item, reload and see it kept; a viewer can neither tick in the
// UI (no buttons) nor through the API (403).
import { expect, type Locator, test } from "@playwright/test";
import { BASE_URL, STORAGE } from "./support/accounts";

test.describe.configure({ mode: "serial" });

/** The Morning Check run's progress is the number of its six items that show a tick (by a person or automatic). */
async function expectProgressOfTicksShown(run: Locator) {
  await expect
    .poll(async () => {
      const shown = await run.getByTestId("completion").count();
      return `${await run.getByTestId("progress").innerText()} with ${shown} ticks shown`;
    })
    .toMatch(/^(\d)\/6 with \1 ticks shown$/);
}

test("a maintainer imports the open-source template, activates it, and ticks the morning check on Today", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: STORAGE.maintainer });
  const page = await context.newPage();
  await page.goto("/runbooks");
  await page.getByRole("radio", { name: "Built-in template" }).check();
  await page.getByLabel("Template", { exact: true }).selectOption("open-source-maintenance");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { name: /Maintenance Runbook: 14 sections/ })).toBeVisible();
  await expect(preview.getByText("Daily Operations › Morning Check (5 minutes)")).toBeVisible();
  await expect(preview.getByText("FREQ=DAILY").first()).toBeVisible();
  await expect(preview.getByLabel("Warnings")).toContainText("Common Tasks › Adding a New Contributor");
  await page.getByRole("button", { name: "Import and activate" }).click();

  await expect(page).toHaveURL(/\/today$/);
  const strip = page.getByRole("region", { name: "Morning check" });
  for (const label of [
    "New issues / PRs (24 h)",
    "Default-branch CI",
    "Critical/high security alerts",
    "P0 past response target",
    "Health targets not OK",
  ]) {
    await expect(strip.getByText(label, { exact: true })).toBeVisible();
  }
  // Each tile shows its live result: pass, fail, or "not connected" when its data source is absent (never a silent pass).
  await expect(strip.getByText(/^(pass|fail|not connected)$/)).toHaveCount(5);
  // The e2e repository is synced by repositories.spec (its project runs first), so the triage tile has a live
  // value that links to its evidence in the queue — "not connected" only before any repository has synced.
  const p0 = page.getByTestId("strip-triage.p0_past_target");
  await expect(p0.getByText(/^(pass|fail)$/)).toBeVisible();
  await expect(p0.getByRole("link")).toHaveAttribute("href", "/triage");

  // The runbook job ticks the bound items whose check passes (three of the six on the e2e data) once a minute,
  // so at any point of this test: it follows the manual item, and the progress must count every tick shown.
  const run = page.getByRole("article", { name: "Morning Check (5 minutes)" });
  const quickTriage = run.getByTestId("checklist-item").filter({ hasText: "Quick triage" });
  await expect(run).toBeVisible();
  await expect(quickTriage.getByTestId("completion")).toHaveCount(0);
  await expectProgressOfTicksShown(run);
  await run.getByLabel("Note for “Quick triage”").fill("labelled two issues");
  await run.getByRole("button", { name: "Tick “Quick triage”" }).click();
  await expect(quickTriage.getByTestId("completion")).toContainText("Done by maya");
  await expect(quickTriage.getByTestId("completion")).toContainText("labelled two issues");
  await expectProgressOfTicksShown(run);

  await page.reload();
  const again = page.getByRole("article", { name: "Morning Check (5 minutes)" });
  await expect(again.getByTestId("checklist-item").filter({ hasText: "Quick triage" })).toContainText("Done by maya");
  await expectProgressOfTicksShown(again);
  await expect(again.getByRole("button", { name: "Tick “Quick triage”" })).toHaveCount(0);
  await context.close();
});

test("a viewer reads Today but cannot tick, in the UI or through the API", async ({ browser }) => {
  const context = await browser.newContext({ storageState: STORAGE.viewer });
  const page = await context.newPage();
  await page.goto("/today");
  const run = page.getByRole("article", { name: "Morning Check (5 minutes)" });
  await expect(run).toBeVisible();
  await expect(run.getByText("Done by maya")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Tick / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign off" })).toHaveCount(0);

  const today = (await (await page.request.get("/api/v1/today")).json()) as {
    runs: Array<{ id: string; sectionTitle: string; items: Array<{ id: string; text: string }> }>;
  };
  const morning = today.runs.find((r) => r.sectionTitle === "Morning Check (5 minutes)");
  const item =
    morning?.items.find((i) => i.text === "Update project board") ??
    morning?.items.find((i) => i.text === "Check for security alerts");
  expect(morning && item).toBeTruthy();
  const response = await page.request.post(`/api/v1/checklist-runs/${morning!.id}/items/${item!.id}`, {
    data: { status: "done" },
    headers: { origin: BASE_URL },
  });
  expect(response.status()).toBe(403);
  const undo = await page.request.delete(`/api/v1/checklist-runs/${morning!.id}/items/${item!.id}`, {
    headers: { origin: BASE_URL },
  });
  expect(undo.status()).toBe(403);
  await expect(page.getByRole("button", { name: /^Undo / })).toHaveCount(0);
  await context.close();
});

test("a maintainer undoes a tick: the item is open again after a reload, and History says who undid it", async ({
  browser,
}) => {
  test.setTimeout(120_000); // four page loads of Today and History, on a server other specs use at the same time
  const context = await browser.newContext({ storageState: STORAGE.maintainer });
  const page = await context.newPage();
  await page.goto("/today");
  const run = page.getByRole("article", { name: "Morning Check (5 minutes)" });
  // (Other items of this run tick themselves from live data in the meantime, so the progress count is not
  // compared here; the item's own state is, before and after a reload.)
  await run.getByRole("button", { name: "Undo “Quick triage”" }).click();
  await expect(run.getByRole("button", { name: "Tick “Quick triage”" })).toBeVisible();
  await page.reload();
  const again = page.getByRole("article", { name: "Morning Check (5 minutes)" });
  await expect(again.getByRole("button", { name: "Tick “Quick triage”" })).toBeVisible();
  await page.goto("/runbooks/history");
  await expect(page.getByText("undid the tick of “Quick triage”").first()).toBeVisible();
  await context.close();
});

test("an incident opens its emergency procedure as a checklist run, linked both ways", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: STORAGE.maintainer });
  const page = await context.newPage();
  const title = `Checkout down ${Date.now()}`;
  const created = await page.request.post("/api/v1/incidents", {
    data: { title, type: "outage", severity: "SEV2" },
    headers: { origin: BASE_URL },
  });
  expect(created.status()).toBe(201);
  const { incident } = (await created.json()) as { incident: { id: string } };
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole("button", { name: "Open the procedure checklist" }).click();
  // The first start imports the seed runbook that holds the procedure: give it time on a busy machine.
  await expect(page).toHaveURL(/\/today#run-/, { timeout: 45_000 });
  const run = page.getByRole("article", { name: "System Outage Response" }).filter({ hasText: title });
  await expect(run).toBeVisible();
  await expect(run.getByRole("link", { name: title })).toHaveAttribute("href", `/incidents/${incident.id}`);
  await run.getByRole("button", { name: "Tick “Assess outage scope”" }).click();
  await expect(run.getByTestId("completion").first()).toContainText("Done by maya");
  // the same run again from the incident, not a second one
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole("button", { name: "Open the procedure checklist" }).click();
  await expect(page).toHaveURL(/\/today#run-/, { timeout: 45_000 });
  await expect(page.getByRole("article", { name: "System Outage Response" }).filter({ hasText: title })).toHaveCount(1);
  await context.close();
});
