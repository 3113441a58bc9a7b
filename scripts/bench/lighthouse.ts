// Lighthouse (pinned 12.2.3: the last release that runs on Node 20) on the pages of a running steward,
// in the system Chromium (CHROME_PATH, default /usr/bin/chromium), signed in by sending the session
// cookie with every request. Desktop preset (steward is a desk dashboard), simulated throttling. One
// run per page, each bounded (BENCH_LIGHTHOUSE_TIMEOUT_S, 180 s): a run that does not finish in time
// prints "timed out" and Chromium is restarted for the next page, so the benchmark always ends.
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export type LighthouseFigure = { score: number | null; lcpMs: number | null; blame: string[] };

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
type Details = { items?: Array<Record<string, unknown>> };

/** What a score under 95 comes from: each weighted metric's value and score, the LCP and shifting elements, the top opportunities. */
function blameOf(lhr: Lhr): string[] {
  const lines: string[] = [];
  const metrics = (lhr.categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => {
      const a = lhr.audits[ref.id];
      return `${ref.id} ${a?.displayValue ?? "?"} (score ${a?.score ?? "?"}, weight ${ref.weight})`;
    });
  lines.push(`metrics: ${metrics.join("; ")}`);
  for (const id of ["largest-contentful-paint-element", "layout-shifts", "layout-shift-elements"]) {
    const items = (lhr.audits[id]?.details as Details | undefined)?.items ?? [];
    const nodes = JSON.stringify(items).match(/"(?:snippet|selector|nodeLabel)":"[^"]{0,120}"/g) ?? [];
    if (nodes.length) lines.push(`${id}: ${[...new Set(nodes)].slice(0, 6).join(" ")}`);
  }
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && (a.details?.type === "opportunity" || a.numericValue))
    .filter((a) => !["largest-contentful-paint", "first-contentful-paint", "speed-index", "interactive"].includes(a.id))
    .map((a) => `${a.id}${a.displayValue ? ` ${a.displayValue}` : ""}`);
  if (opportunities.length) lines.push(`flagged: ${opportunities.slice(0, 10).join("; ")}`);
  return lines;
}

const TIMEOUT_MS = Number(process.env.BENCH_LIGHTHOUSE_TIMEOUT_S ?? 180) * 1000;

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
  if (!lhr) return { score: null, lcpMs: null, blame: [] };
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  const lcp = lhr.audits["largest-contentful-paint"]?.numericValue;
  const rounded = score == null ? null : Math.round(score * 100);
  return {
    score: rounded,
    lcpMs: lcp == null ? null : Math.round(lcp),
    blame: rounded !== null && rounded < 95 ? blameOf(lhr) : [],
  };
}

/** One bounded Lighthouse run per page, printing `lighthouse <page>: performance N  LCP N ms` (or why not). */
export async function runLighthouseOnPages(
  base: string,
  pages: Array<{ name: string; warm: string }>,
  cookie: string,
): Promise<void> {
  let chrome: LaunchedChrome | null = null;
  try {
    for (const page of pages) {
      chrome ??= await openChrome();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), TIMEOUT_MS)));
      const started = performance.now();
      const outcome = await Promise.race([
        runLighthouse(chrome.port, base + page.warm, cookie).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        ),
        timeout,
      ]).finally(() => clearTimeout(timer));
      const took = `${((performance.now() - started) / 1000).toFixed(0)} s`;
      if (outcome === "timeout") {
        console.log(`lighthouse ${page.name}: timed out after ${TIMEOUT_MS / 1000} s`);
        chrome.kill();
        chrome = null;
      } else if (outcome instanceof Error) console.log(`lighthouse ${page.name}: failed: ${outcome.message}`);
      else {
        console.log(
          `lighthouse ${page.name}: performance ${outcome.score ?? "?"}  LCP ${outcome.lcpMs ?? "?"} ms  (run took ${took})`,
        );
        for (const line of outcome.blame) console.log(`  ${line}`);
      }
    }
  } finally {
    chrome?.kill();
  }
}
