// Every page, as admin and as viewer, light and dark, at 1366 px and 390 px: no serious or critical
// axe-core violation and no horizontal page overflow; and, while each page is open, no
// Content-Security-Policy violation and no script error (a hydration mismatch is one). One browser
// context per role and part; each page is loaded once and then judged in each look, switching the theme
// class and the viewport in place (the theme is pure CSS on <html>, widths are media queries), which
// keeps the spec to a quarter of the page loads. The admin sees every control, so the admin's pages are
// judged in all four looks: every axe rule once per width, and the rules that read colours (contrast,
// links told apart from text by colour) in every look, as the theme changes colours and nothing else.
// The viewer's (the same pages with fewer controls; the admin's judge every rule at both widths) get
// every rule light at 1366 px and the colour rules dark at 390 px.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { BASE_URL, STORAGE } from "./support/accounts";
import { listPages } from "./support/routes";

const ZERO_ID = "00000000-0000-7000-8000-000000000000";
const ROLES = ["admin", "viewer"] as const;
const WIDTHS = [1366, 390] as const;
/** "all": every axe rule; "colours": only the rules a theme can change (COLOUR_RULES). */
type Look = [theme: "light" | "dark", width: (typeof WIDTHS)[number], rules: "all" | "colours"];
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const LOOKS: Record<(typeof ROLES)[number], Look[]> = {
  admin: [
    ["light", 1366, "all"],
    ["dark", 1366, "colours"],
    ["light", 390, "colours"],
    ["dark", 390, "all"],
  ],
  viewer: [
    ["light", 1366, "all"],
    ["dark", 390, "colours"],
  ],
};

type Ids = { target: string; repository: { id: string; owner: string; name: string } | null };

/** A health target of our own (checking this server) and a repository if another spec added one. */
async function realIds(request: APIRequestContext): Promise<Ids> {
  const slug = `look-${Date.now()}`;
  const created = await request.post("/api/admin/health-targets", {
    headers: { origin: BASE_URL },
    data: {
      kind: "http",
      name: `Look ${slug}`,
      slug,
      serviceGroup: "look",
      intervalSeconds: 60,
      check: { url: `${BASE_URL}/api/health`, timeoutMs: 5000 },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const target = ((await created.json()) as { target: { id: string } }).target.id;
  const repos = (await (await request.get("/api/repositories")).json()) as {
    repositories?: Array<{ id: string; owner: string; name: string }>;
  };
  return { target, repository: repos.repositories?.[0] ?? null };
}

/** listPages() with real ids where a page needs one; a page without a real id shows not-found, which is tested too. */
function urls(ids: Ids): string[] {
  return listPages().map((path) => {
    if (path === `/health/${ZERO_ID}` || path === `/health/${ZERO_ID}/edit`) return path.replace(ZERO_ID, ids.target);
    if (ids.repository && path === `/repositories/${ZERO_ID}/${ZERO_ID}`)
      return `/repositories/${ids.repository.owner}/${ids.repository.name}`;
    if (ids.repository && path === `/settings/repositories/${ZERO_ID}`)
      return `/settings/repositories/${ids.repository.id}`;
    return path;
  });
}

/** LOOK_SHOTS=<dir> also saves a full-page screenshot of every page (admin only), for the closing note. */
const SHOTS = process.env.LOOK_SHOTS;

async function screenshot(page: Page, url: string, tag: string) {
  const name =
    url
      .replace(/^\//, "")
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/-+$/, "") || "home";
  await page.screenshot({ path: `${SHOTS}/${name}.${tag}.png`, fullPage: true });
}

/** Loads a page and waits for its streamed panels (skeletons) to settle. */
async function load(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

/** Switches the loaded page to a theme and width in place, as the theme toggle and a resize would. */
async function look(page: Page, theme: Look[0], width: Look[1]) {
  await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
  await page.evaluate((next) => {
    document.documentElement.classList.remove("system", "light", "dark");
    document.documentElement.classList.add(next);
  }, theme);
  // Two frames: layout, resize observers (charts) and their re-render have run.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function check(page: Page, url: string, label: string, rules: Look[2], shotTag?: string): Promise<string[]> {
  const problems: string[] = [];
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) problems.push(`${url} (${label}): page scrolls sideways by ${overflow} px`);
  if (SHOTS && shotTag) await screenshot(page, url, shotTag);
  // Only violations are read: axe then skips collecting every passing node, a large share of its time.
  // Legacy mode runs axe.run() in the page itself; the default runs each frame apart and merges the parts
  // in a new blank page, 2-3x the time per call. It cannot look into frames, and no page may have one.
  if (page.frames().length > 1) problems.push(`${url} (${label}): has a frame, which axe would not check`);
  const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
  const results = await (rules === "all" ? axe : axe.withRules(COLOUR_RULES)).analyze();
  for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
    problems.push(
      `${url} (${label}): [${v.impact}] ${v.id} — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
    );
  }
  return problems;
}

async function openContext(browser: Browser, role: (typeof ROLES)[number], theme: string, width: number) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    storageState: STORAGE[role],
    viewport: { width, height: width > 800 ? 900 : 844 },
  });
  await context.addCookies([{ name: "steward_theme", value: theme, url: BASE_URL }]);
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return context;
}

/** Content-Security-Policy violations and uncaught script errors of the page, as they happen. */
function watchErrors(page: Page, problems: string[]) {
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: script error: ${error.message}`));
}

let ids: Ids;
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE_URL, storageState: STORAGE.admin });
  ids = await realIds(request);
  await request.dispose();
});

test.describe.configure({ mode: "parallel" });

// Each role's pages in four parts (every fourth page), so the two workers share the spec evenly and
// none of it is left running alone at the end of the suite.
const PARTS = 4;

for (const role of ROLES) {
  for (let part = 0; part < PARTS; part++) {
    const looks = LOOKS[role];
    const title = looks
      .map(([theme, width, rules]) => `${theme} ${width} px${rules === "all" ? "" : " (colours)"}`)
      .join(", ");
    test(`every page passes axe and fits: ${role}, ${title} (part ${part + 1} of ${PARTS})`, async ({ browser }) => {
      const mine = urls(ids).filter((_, i) => i % PARTS === part);
      // Half a minute per page and look (plus screenshots): a bound on the machine's load, not on steward's speed.
      test.setTimeout(mine.length * looks.length * (SHOTS ? 45_000 : 30_000));
      const context = await openContext(browser, role, "light", WIDTHS[0]);
      const page = await context.newPage();
      const problems: string[] = [];
      watchErrors(page, problems);
      for (const url of mine) {
        await load(page, url);
        for (const [theme, width, rules] of looks) {
          await look(page, theme, width);
          const tag = role === "admin" ? `${width}-${theme}` : undefined;
          problems.push(...(await check(page, url, `${theme}, ${width} px`, rules, tag)));
        }
      }
      await context.close();
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}

test("below 768 px the navigation sits behind a menu button", async ({ browser }) => {
  const context = await openContext(browser, "viewer", "light", 390);
  const page = await context.newPage();
  await page.goto("/health");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Repositories" }).click();
  await expect(page).toHaveURL(/\/repositories$/);
  await expect(nav).toBeHidden();
  await context.close();
});

test("pages have their own titles and unknown addresses stay inside the shell", async ({ page }) => {
  await page.goto(`/health/${ids.target}`);
  await expect(page).toHaveTitle(/^steward · Health · Look look-\d+$/);
  await page.goto("/settings/users");
  await expect(page).toHaveTitle("steward · Settings · Users");
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
});
