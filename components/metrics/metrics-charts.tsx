"use client";
// The Metrics page's trend charts. Each frame (caption and a fixed-size box, so nothing shifts) is
// rendered with the page; its chart is drawn only when the frame comes within a viewport of the
// screen, or when the page is printed. Recharts lives in metrics-chart-bodies.tsx, a chunk loaded
// then (or on the first input, so a print finds it ready): the page above the charts loads without it.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import type * as BodiesModule from "./metrics-chart-bodies";
import type { Series } from "./metrics-chart-bodies";
import type { DistributionBucket } from "@/lib/metrics/notable";
import type { TrendPoint } from "@/lib/metrics/queries";

type Bodies = typeof BodiesModule;
let bodies: Bodies | null = null;
let loading: Promise<Bodies> | null = null;
const loadBodies = () => (loading ??= import("./metrics-chart-bodies").then((m) => (bodies = m)));

/** Any input means a person is here (and may print): fetch the charts' chunk once, off the load path. */
const INTENT = ["pointerdown", "pointermove", "keydown", "touchstart", "scroll", "focusin"] as const;
let intentWatched = false;
function prefetchOnIntent(): void {
  if (intentWatched) return;
  intentWatched = true;
  const go = () => {
    for (const type of INTENT) window.removeEventListener(type, go, true);
    void loadBodies();
  };
  for (const type of INTENT) window.addEventListener(type, go, { capture: true, passive: true });
}

function LazyChart({ draw }: { draw: (m: Bodies) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [module, setModule] = useState<Bodies | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    prefetchOnIntent();
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      observer.disconnect();
      void loadBodies().then((m) => setModule(() => m));
    };
    // One viewport ahead: a chart is drawn before scrolling or tabbing reaches it.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: "100% 0px",
    });
    observer.observe(el);
    const print = () => {
      const loaded = bodies;
      if (loaded) flushSync(() => setModule(() => loaded));
      else show();
    };
    const printMedia = window.matchMedia("print");
    const onMedia = (e: MediaQueryListEvent) => e.matches && print();
    window.addEventListener("beforeprint", print);
    printMedia.addEventListener("change", onMedia);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", print);
      printMedia.removeEventListener("change", onMedia);
    };
  }, []);
  return (
    <div ref={box} className="h-full w-full">
      {module && draw(module)}
    </div>
  );
}

function Frame({ title, label, children }: { title: string; label: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-neutral-800 dark:bg-neutral-900">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div role="img" aria-label={label} className="h-56 w-full text-neutral-600 dark:text-neutral-300">
        {children}
      </div>
    </figure>
  );
}

type Lines = { title: string; scale: number; unit: string; series: Series[] };
const TREND_LINES: Lines[] = [
  {
    title: "Issue first response (hours)",
    scale: 1 / 3600,
    unit: "h",
    series: [
      { key: "issues.first_response.median", label: "Median", color: "sky" },
      { key: "issues.first_response.mean", label: "Mean", color: "violet" },
    ],
  },
  {
    title: "Bug MTTR and time to close (days, mean)",
    scale: 1 / 86_400,
    unit: "d",
    series: [
      { key: "bugs.mttr.mean", label: "Bug MTTR", color: "critical" },
      { key: "issues.time_to_close.mean", label: "Time to close", color: "sky" },
    ],
  },
  {
    title: "Default-branch CI pass rate and PR merge rate (%)",
    scale: 100,
    unit: "%",
    series: [
      { key: "ci.pass_rate", label: "CI pass rate", color: "sky" },
      { key: "prs.merge_rate", label: "Merge rate", color: "violet" },
    ],
  },
];
const RUNTIME_LINES: Lines[] = [
  {
    title: "Uptime, all targets (%)",
    scale: 1,
    unit: "%",
    series: [{ key: "runtime.*.uptime_pct", label: "Uptime", color: "sky" }],
  },
  {
    title: "Response time, all HTTP and push targets (ms)",
    scale: 1,
    unit: "",
    series: [
      { key: "runtime.*.response_p50_ms", label: "p50", color: "sky" },
      { key: "runtime.*.response_p95_ms", label: "p95", color: "violet" },
      { key: "runtime.*.response_p99_ms", label: "p99", color: "pink" },
    ],
  },
];

export function MetricsCharts({
  trend,
  distribution,
  runtime,
}: {
  trend: TrendPoint[];
  distribution: DistributionBucket[];
  /** Health targets exist: draw the fleet's runtime trends. */
  runtime: boolean;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
      <Frame title="Issues opened vs closed" label="Issues opened and closed per month, last 12 months">
        <LazyChart draw={(m) => <m.OpenedClosedChart trend={trend} />} />
      </Frame>
      <Frame
        title="Time to first response (issues created this period)"
        label="Distribution of issue time to first response"
      >
        <LazyChart draw={(m) => <m.DistributionChart distribution={distribution} />} />
      </Frame>
      {[...TREND_LINES, ...(runtime ? RUNTIME_LINES : [])].map((l) => (
        <Frame key={l.title} title={l.title} label={`${l.title}, last 12 months`}>
          <LazyChart
            draw={(m) => <m.TrendLinesChart trend={trend} series={l.series} scale={l.scale} unit={l.unit} />}
          />
        </Frame>
      ))}
    </div>
  );
}
