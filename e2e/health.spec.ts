// Runtime health end to end: a real HTTP server on loopback is added as a target through the UI,
// checked by the real worker inside the e2e server, turns OK, then critical once the server stops,
// with the alert in the detail page's history; the chart's time range lives in the URL.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { STORAGE } from "./support/accounts";

async function startUpstream(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok" }));
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const chartWindow = (page: Page) => page.getByTestId("chart-window");

test("an admin adds an HTTP target, sees it OK, then critical with the alert recorded, and charts another range", async ({
  page,
}) => {
  // The worker's first check loop may start up to ~90 s after the server; checks then run every 10 s.
  test.setTimeout(180_000);
  const upstream = await startUpstream();
  const slug = `e2e-upstream-${Date.now()}`;
  try {
    await page.goto("/health");
    await page.getByRole("link", { name: "Add target", exact: true }).click();
    await expect(page).toHaveURL(/\/health\/targets\/new$/);
    await page.getByLabel("Name", { exact: true }).fill("E2E upstream");
    await page.getByLabel("Service group").fill("e2e");
    await page.getByLabel("Slug").fill(slug);
    await page.getByLabel("URL", { exact: true }).fill(upstream.url);
    await page.getByLabel("Timeout (ms)").fill("2000");
    await page.getByLabel("JSON path").fill("$.status");
    await page.getByLabel("JSON value must equal").fill("ok");
    await page.getByLabel("Breaches to change").fill("1");

    // The API's field error is shown next to its field, and nothing is created.
    await page.getByLabel("Check interval (seconds)").fill("5");
    await page.getByRole("button", { name: "Add target" }).click();
    await expect(page.locator("#target-intervalSeconds-error")).toHaveText("interval must be at least 10 seconds");
    await expect(page.getByLabel("Check interval (seconds)")).toBeFocused();
    await expect(page).toHaveURL(/\/health\/targets\/new$/);

    await page.getByLabel("Check interval (seconds)").fill("10");
    await page.getByRole("button", { name: "Add target" }).click();
    await expect(page).toHaveURL(/\/health\/[0-9a-f-]{36}$/);
    const detailUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: "E2E upstream" })).toBeVisible();

    // The overview refreshes itself: the first check (due at once) turns the target OK.
    await page.goto("/health");
    const row = page.getByTestId(`target-${slug}`);
    await expect(row.getByTestId("state")).toHaveText("OK", { timeout: 120_000 });
    await expect(row).toContainText("passed");
    await expect(row).toContainText("100 %");

    await upstream.stop();
    await page.goto(detailUrl);
    await expect(page.getByTestId("target-state")).toContainText("critical", { timeout: 60_000 });
    const alert = page.getByTestId("alert-event").first();
    await expect(alert).toContainText("Up");
    await expect(alert).toContainText(/OK\s*→\s*critical/);
    await expect(page.getByTestId("last-check")).toContainText("failed");
    await expect(page.getByTestId("last-check")).toContainText("Reason:");

    // The time range is kept in the URL and the charts re-render for it.
    // A target younger than an hour opens on the last hour (its whole life), not on 24 mostly empty hours.
    await expect(chartWindow(page)).toContainText("the last hour");
    const ranges = page.getByRole("group", { name: "Time range" });
    await ranges.getByRole("button", { name: "1 h" }).click();
    await expect(page).toHaveURL(/\?range=1h$/);
    await expect(chartWindow(page)).toContainText("the last hour, each sample");
    await expect(
      page.getByRole("img", { name: /^Response time chart, the last hour: [1-9]\d* points$/ }),
    ).toBeVisible();
    await ranges.getByRole("button", { name: "7 d" }).click();
    await expect(page).toHaveURL(/\?range=7d$/);
    await expect(chartWindow(page)).toContainText("the last 7 days, one point per hour");

    await ranges.getByRole("button", { name: "Custom…" }).click();
    const now = Date.now();
    await page.getByLabel("From (UTC)").fill(new Date(now - 2 * 3_600_000).toISOString().slice(0, 16));
    await page.getByLabel("To (UTC)").fill(new Date(now + 3_600_000).toISOString().slice(0, 16));
    await page.getByRole("button", { name: "Show range" }).click();
    await expect(page).toHaveURL(/\?from=.+&to=.+/);
    await expect(chartWindow(page)).toContainText("one point per minute");
    // A link reproduces the view.
    await page.reload();
    await expect(chartWindow(page)).toContainText(" to ");
    await expect(ranges.getByRole("button", { name: "Custom…" })).toHaveAttribute("aria-pressed", "true");
  } finally {
    await upstream.stop();
  }
});

test.describe("a viewer", () => {
  test.use({ storageState: STORAGE.viewer });

  test("sees the health overview but cannot add targets, and the API refuses", async ({ page, baseURL }) => {
    await page.goto("/health");
    await expect(page.getByRole("heading", { level: 1, name: "Health" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Add (a )?target$/ })).toHaveCount(0);
    await page.goto("/health/targets/new");
    await expect(page).toHaveURL(/\/forbidden\?need=admin$/);
    const create = await page.request.post("/api/admin/health-targets", {
      headers: { origin: baseURL! },
      data: { kind: "http", name: "Sneaky", check: { url: "http://127.0.0.1:9/" } },
    });
    expect(create.status()).toBe(403);
    expect((await page.request.get("/api/health-targets")).status()).toBe(200); // reading is allowed
  });
});

test("the overview pages a service group and filters by state, kept in the URL, by keyboard", async ({
  page,
  baseURL,
}) => {
  const group = `e2e-paging-${Date.now()}`;
  const ids: string[] = [];
  try {
    // Three push targets without heartbeats: never checked, so they stay "pending"; the third disabled.
    for (const [i, enabled] of [true, true, false].entries()) {
      const created = await page.request.post("/api/admin/health-targets", {
        headers: { origin: baseURL! },
        data: {
          kind: "push",
          name: `Paging ${i + 1}`,
          slug: `${group}-${i + 1}`,
          serviceGroup: group,
          heartbeats: false,
          enabled,
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      ids.push(((await created.json()) as { target: { id: string } }).target.id);
    }
    // One group, two cards per page: page 1 holds the two pending targets.
    await page.goto(`/health?group=${encodeURIComponent(group)}&size=2`);
    await expect(page.getByTestId("overview-filter")).toContainText(`3 targets in service group “${group}”`);
    await expect(page.getByTestId("overview-page")).toHaveText("1–2 of 3 · page 1 of 2");
    await expect(page.getByTestId(`target-${group}-1`)).toBeVisible();
    await expect(page.getByTestId(`target-${group}-2`)).toBeVisible();
    await expect(page.getByTestId(`target-${group}-3`)).toHaveCount(0);
    // The next page by keyboard: the page number lands in the URL, the third (disabled) target shows.
    const next = page.getByRole("link", { name: "Next page" });
    await next.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId(`target-${group}-3`).getByTestId("state")).toHaveText("disabled");
    await expect(page.getByTestId(`target-${group}-1`)).toHaveCount(0);
    // The service groups list (collapsed rows with counts) opens a group; the state counts filter.
    const row = page.getByTestId(`group-${group}`);
    await expect(row).toContainText("3 targets");
    await page.getByRole("link", { name: "Show all groups" }).click();
    await expect(page).toHaveURL(/\/health(\?size=2)?$/);
    await page.getByRole("link", { name: /^disabled \d+$/ }).click();
    await expect(page).toHaveURL(/state=disabled/);
    await expect(page.getByTestId("overview-filter")).toContainText("disabled");
    await page.goto(`/health?state=disabled&group=${encodeURIComponent(group)}`);
    await expect(page.getByTestId("overview-filter")).toContainText("1 target disabled in service group");
    // The live-refresh API takes the same filter.
    const api = await page.request.get(`/api/health-targets?group=${encodeURIComponent(group)}&state=pending`);
    const body = (await api.json()) as { matched: number; groups: Array<{ targets: unknown[] }> };
    expect([body.matched, body.groups[0]?.targets.length]).toEqual([2, 2]);
  } finally {
    for (const id of ids)
      await page.request.delete(`/api/admin/health-targets/${id}`, { headers: { origin: baseURL! } });
  }
});
