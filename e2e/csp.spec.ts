// The pages' scripts run under the Content-Security-Policy (a nonce per response): React hydrates and a
// control responds. That no page reports a violation (or a script error) is checked on every page, as
// admin and as viewer, in look.spec.ts, which opens each of them anyway.
import { expect, test } from "@playwright/test";

test("scripts run under the Content-Security-Policy: the theme toggle responds", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto("/today");
  await page.waitForLoadState("networkidle"); // scripts loaded: a click before hydration would do nothing
  const toggle = page.getByRole("button", { name: /Colour theme: (\w+)\. Change theme/ });
  const before = await toggle.getAttribute("aria-label");
  await toggle.click();
  await expect(toggle).not.toHaveAttribute("aria-label", before ?? "");
  expect(violations).toEqual([]);
});
