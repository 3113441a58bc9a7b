// Locates a Chromium for Playwright without downloading one: STEWARD_CHROMIUM, then system browsers,
// then a browser installed by `npx playwright install` (for people who have internet).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export function findChromium() {
  const configured = process.env.STEWARD_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

export const CHROMIUM_HELP = [
  "No Chromium found for the end-to-end tests.",
  "Install one, then run the tests again:",
  "  Debian/Ubuntu:  sudo apt-get install -y chromium",
  "  macOS:          install Google Chrome",
  "  with internet:  npx playwright install chromium",
  "or point STEWARD_CHROMIUM at a Chromium/Chrome executable.",
].join("\n");
