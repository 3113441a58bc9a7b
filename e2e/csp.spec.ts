// Every page works under the Content-Security-Policy: no violation is reported on any of them.
import { expect, test } from "@playwright/test";
import { listPages } from "./support/routes";

test("no page reports a Content-Security-Policy violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  for (const path of listPages()) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("body")).not.toBeEmpty();
  }
  expect(violations).toEqual([]);
  // The scripts really run under the policy (React hydrated): the theme toggle responds to a click.
  await page.goto("/today");
  const toggle = page.getByRole("button", { name: /Colour theme: (\w+)\. Change theme/ });
  const before = await toggle.getAttribute("aria-label");
  await toggle.click();
  await expect(toggle).not.toHaveAttribute("aria-label", before ?? "");
});
