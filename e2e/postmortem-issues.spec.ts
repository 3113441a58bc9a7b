// Postmortem action items become GitHub issues (on the e2e GitHub test server): the button creates one
// issue and shows its link; a double request still makes one issue; viewers see the link, no button.
import { expect, test } from "@playwright/test";
import { BASE_URL, STORAGE } from "./support/accounts";
import { E2E_GITHUB_TOKEN, E2E_REPO } from "./support/github";

test.use({ storageState: STORAGE.maintainer });
const FULL_NAME = `${E2E_REPO.owner}/${E2E_REPO.name}`;
const headers = { origin: BASE_URL };

test("an action item becomes one GitHub issue, linked on the postmortem", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const admin = await browser.newContext({ storageState: STORAGE.admin });
  try {
    // repositories.spec.ts adds and syncs acme/widgets; run alone, this spec adds it.
    await expect(async () => {
      const repos = (await (await page.request.get("/api/repositories")).json()) as {
        repositories: Array<{ owner: string; name: string }>;
      };
      if (!repos.repositories.some((r) => `${r.owner}/${r.name}`.toLowerCase() === FULL_NAME)) {
        await admin.request.put("/api/admin/github-token", { headers, data: { token: E2E_GITHUB_TOKEN } });
        await admin.request.post("/api/admin/repositories", { headers, data: { fullName: FULL_NAME } });
        throw new Error("repository added; waiting");
      }
    }).toPass({ timeout: 60_000 });

    const stamp = Date.now();
    const items = [`Alert on queue depth ${stamp}`, `Add a retry budget ${stamp}`];
    const created = await page.request.post("/api/v1/incidents", {
      headers,
      data: { title: `Checkout down ${stamp}`, type: "outage", severity: "SEV2", repositories: [FULL_NAME] },
    });
    expect(created.status()).toBe(201);
    const { incident } = (await created.json()) as { incident: { id: string } };
    const saved = await page.request.put(`/api/v1/incidents/${incident.id}/postmortem`, {
      headers,
      data: { summary: "Queue backed up", actionItems: items.map((text) => ({ text })) },
    });
    expect(saved.status()).toBe(200);

    await page.goto(`/incidents/${incident.id}`);
    const list = page.getByTestId("action-items");
    await expect(list.getByRole("button", { name: `Create GitHub issue: ${items[1]}` })).toBeVisible();
    await list.getByRole("button", { name: `Create GitHub issue: ${items[1]}` }).click();
    const link = list.getByRole("link", { name: new RegExp(`^${FULL_NAME}#\\d+$`) });
    await expect(link).toBeVisible({ timeout: 30_000 });
    await expect(link).toHaveAttribute("href", /^https:\/\/github\.com\/acme\/widgets\/issues\/\d+$/);
    await expect(list.getByRole("button", { name: `Create GitHub issue: ${items[1]}` })).toHaveCount(0);
    const number = Number((await link.textContent())!.split("#")[1]);

    // Two requests for the other item at the same moment: one issue.
    const post = () =>
      page.request.post(`/api/v1/incidents/${incident.id}/action-items`, {
        headers,
        data: { item: 0, repository: FULL_NAME },
      });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status(), b.status()].sort()).toEqual(expect.arrayContaining([201]));
    expect([a.status(), b.status()].filter((s) => s === 201)).toHaveLength(1);
    const again = await post();
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { number: number }).number).not.toBe(number);
    const state = (await (await page.request.get(`/api/v1/incidents/${incident.id}/action-items`)).json()) as {
      links: Array<{ itemText: string; number: number }>;
    };
    expect(state.links.map((l) => l.itemText).sort()).toEqual([...items].sort());

    // Viewers see the links, not the buttons, and may not create issues.
    const viewer = await browser.newContext({ storageState: STORAGE.viewer });
    const vp = await viewer.newPage();
    await vp.goto(`/incidents/${incident.id}`);
    await expect(vp.getByTestId("action-items").getByRole("link", { name: `${FULL_NAME}#${number}` })).toBeVisible();
    await expect(vp.getByRole("button", { name: /Create GitHub issue/ })).toHaveCount(0);
    const refused = await vp.request.post(`/api/v1/incidents/${incident.id}/action-items`, {
      headers,
      data: { item: 0, repository: FULL_NAME },
    });
    expect(refused.status()).toBe(403);
    await viewer.close();
  } finally {
    await admin.close();
  }
});
