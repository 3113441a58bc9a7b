// `npm test` must never skip the browser tests silently: fail with instructions instead.
import { CHROMIUM_HELP, findChromium } from "../e2e/support/find-chromium.mjs";

const path = findChromium();
if (!path) {
  process.stderr.write(`\n${CHROMIUM_HELP}\n\n`);
  process.exit(1);
}
console.log(`e2e: using Chromium at ${path}`);
