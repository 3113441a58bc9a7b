// The incident editor, related issues and Settings → Incidents in a real browser: a maintainer corrects
// times, commander and type (an out-of-order time is refused with a clear message before anything is
// saved), links and unlinks a synced issue; a viewer sees neither control and the API refuses them;
// an admin switches automatic opening from P0 issues on.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, BASE_URL, STORAGE } from "./support/accounts";
import { E2E_REPO } from "./support/github";

const STARTED = "2026-03-10T10:00:00.000Z";

async function newIncident(page: Page, title: string): Promise<string> {
  const res = await page.request.post(`${BASE_URL}/api/v1/incidents`, {
    data: { title, type: "outage", severity: "SEV2", startedAt: STARTED },
    headers: { origin: BASE_URL },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { incident: { id: string } }).incident.id;
}

test.describe("as a maintainer", () => {
  test.use({ storageState: STORAGE.maintainer });

  test("edits times, commander and type; out-of-order times are refused; links a related issue", async ({ page }) => {
    const id = await newIncident(page, `E2E edit ${Date.now()}`);
    await page.goto(`/incidents/${id}`);
    await page.getByText("Edit times, commander and type").click();
    const form = page.getByRole("form", { name: "Edit the incident" });

    // Detected before started: refused in the form, nothing saved.
    await form.getByLabel("Detected (UTC)").fill("2026-03-10T09:30:00");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert")).toContainText("Times must be in order");
    await expect(form.getByText(/The detected time .* is before the started time/)).toBeVisible();
    await expect(form.getByLabel("Detected (UTC)")).toHaveAttribute("aria-invalid", "true");
    expect(
      (
        (await (await page.request.get(`${BASE_URL}/api/v1/incidents/${id}`)).json()) as {
          incident: { detectedAt: string };
        }
      ).incident.detectedAt,
    ).not.toBe("2026-03-10T09:30:00.000Z");

    // A valid correction: detected, acknowledged and mitigated times, a commander, another type.
    await form.getByLabel("Detected (UTC)").fill("2026-03-10T10:02:00");
    await form.getByLabel("Acknowledged (UTC)").fill("2026-03-10T10:07:30");
    await form.getByLabel("Mitigated (UTC)").fill("2026-03-10T10:40:00");
    await form.getByLabel("Commander").selectOption({ label: ACCOUNTS.maintainer.displayName });
    await form.getByLabel("Type").selectOption("performance");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    await expect(page.getByText(`Commander: ${ACCOUNTS.maintainer.displayName}`)).toBeVisible();
    await expect(page.locator("header").filter({ has: page.getByTestId("incident-title") })).toContainText(
      "Performance degradation",
    );
    await expect(page.locator("header").filter({ has: page.getByTestId("incident-title") })).toContainText(
      "2026-03-10 10:07:30",
    );
    const edited = page.locator('[data-kind="edited"]').first();
    await expect(edited).toContainText("acknowledgedAt: none → 2026-03-10T10:07:30.000Z");
    await expect(edited).toContainText("type: outage → performance");

    // The server keeps the order too (acknowledged before detected via the API).
    const refused = await page.request.patch(`${BASE_URL}/api/v1/incidents/${id}`, {
      data: { acknowledgedAt: "2026-03-10T10:01:00Z" },
      headers: { origin: BASE_URL },
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      "is before the detected time",
    );

    // Related issues: a typo is explained; a synced issue is linked, shown, on the timeline, then unlinked.
    await page.getByLabel("Link an issue or pull request").fill(`${E2E_REPO.owner}/${E2E_REPO.name}#99999`);
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await expect(page.getByText(/#99999 is not among the synced issues/)).toBeVisible();
    await page.getByLabel("Link an issue or pull request").fill(`${E2E_REPO.owner}/${E2E_REPO.name}#1`);
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await expect(page.getByTestId("related-items")).toContainText(`${E2E_REPO.owner}/${E2E_REPO.name}#1`);
    await expect(page.getByTestId("related-items")).toContainText("linked by hand");
    await expect(page.locator('[data-kind="related_linked"]')).toContainText(
      `${E2E_REPO.owner}/${E2E_REPO.name}#1 linked`,
    );
    await page.getByRole("button", { name: `Unlink ${E2E_REPO.owner}/${E2E_REPO.name}#1` }).click();
    await expect(page.getByTestId("related-items")).toHaveCount(0);
    await expect(page.locator('[data-kind="related_unlinked"]')).toBeVisible();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: STORAGE.viewer });

  test("sees the incident without the editor or the link form, and the API refuses both", async ({ page, browser }) => {
    const maintainer = await browser.newContext({ storageState: STORAGE.maintainer });
    const id = await newIncident(await maintainer.newPage(), `E2E viewer ${Date.now()}`);
    await maintainer.close();
    await page.goto(`/incidents/${id}`);
    await expect(page.getByTestId("incident-title")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Related issues and pull requests" })).toBeVisible();
    await expect(page.getByText("Edit times, commander and type")).toHaveCount(0);
    await expect(page.getByLabel("Link an issue or pull request")).toHaveCount(0);
    const headers = { origin: BASE_URL };
    expect(
      (await page.request.patch(`${BASE_URL}/api/v1/incidents/${id}`, { data: { type: "other" }, headers })).status(),
    ).toBe(403);
    expect(
      (
        await page.request.post(`${BASE_URL}/api/v1/incidents/${id}/links`, {
          data: { ref: "acme/widgets#1" },
          headers,
        })
      ).status(),
    ).toBe(403);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: STORAGE.admin });

  test("switches automatic opening from P0 issues on in Settings → Incidents", async ({ page }) => {
    await page.goto("/settings/incidents");
    await expect(page.getByRole("heading", { name: "Open incidents automatically" })).toBeVisible();
    await page.getByLabel(/Open an incident when an issue becomes P0/).check();
    await page.locator("#p0-severity").selectOption("SEV1");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved. The next sync")).toBeVisible();
    await expect(page.getByTestId("p0-since")).toContainText("On since");
    await page.reload();
    await expect(page.getByLabel(/Open an incident when an issue becomes P0/)).toBeChecked();
    await expect(page.locator("#p0-severity")).toHaveValue("SEV1");
    // Switch it off again so other specs see the default.
    await page.getByLabel(/Open an incident when an issue becomes P0/).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("p0-since")).toContainText("Off.");
  });

  test("adds an incident type with its targets and procedure in Settings → Incidents", async ({ page }) => {
    const key = `data-loss-${Date.now()}`;
    await page.goto("/settings/incidents");
    await page.getByText("Add a type").click();
    const form = page.getByRole("form", { name: "New incident type" });
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("Name").fill("Data loss");
    await form.getByLabel("Respond within (minutes)").fill("20");
    await form.getByLabel("Resolve within (minutes)").fill("10");
    await form.getByLabel("Procedure (one step per line)").fill("Stop writes\nRestore from the last backup");
    await form.getByRole("button", { name: "Add type" }).click();
    // A resolution target shorter than the response target is refused, and what was typed stays.
    await expect(form.getByRole("alert")).toContainText("must not be shorter than the response target");
    await expect(form.getByLabel("Key")).toHaveValue(key);
    await form.getByLabel("Resolve within (minutes)").fill("240");
    await form.getByRole("button", { name: "Add type" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    await page.reload();
    await expect(page.getByText(/Data loss\s*· respond within 20 min · resolve within 4 h · 2 steps/)).toBeVisible();
    const types = (await (await page.request.get("/api/admin/incident-types")).json()) as {
      types: Array<{ key: string; procedure: string[] }>;
    };
    expect(types.types.find((t) => t.key === key)?.procedure).toEqual(["Stop writes", "Restore from the last backup"]);
  });
});
