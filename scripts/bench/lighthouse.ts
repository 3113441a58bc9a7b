// Lighthouse (pinned 12.2.3: the last release that runs on Node 20) on a page of a running steward, in
// the system Chromium (CHROME_PATH, default /usr/bin/chromium), signed in by sending the session
// cookie with every request. Desktop preset (steward is a desk dashboard), simulated throttling.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export type LighthouseFigure = { score: number | null; lcpMs: number | null };

export async function openChrome() {
  return launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    logLevel: "silent",
  });
}

export async function runLighthouse(port: number, url: string, cookie: string): Promise<LighthouseFigure> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } },
    desktopConfig,
  );
  const lhr = result?.lhr;
  if (!lhr) return { score: null, lcpMs: null };
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  const lcp = lhr.audits["largest-contentful-paint"]?.numericValue;
  return { score: score == null ? null : Math.round(score * 100), lcpMs: lcp == null ? null : Math.round(lcp) };
}
