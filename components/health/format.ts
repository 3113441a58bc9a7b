import type { HealthLevel } from "@/lib/generated/prisma/enums";
import { formatAbsolute } from "@/lib/time/format";

export const KPI_LABELS: Record<string, string> = {
  up: "Up",
  response_time_ms: "Response time",
  error_rate_pct: "Error rate",
  throughput_rps: "Throughput",
  memory_pct: "Memory",
  breaker_state: "Circuit breakers",
};

const BREAKERS: Record<number, string> = { 0: "closed", 1: "open", 2: "half-open" };

function decimals(value: number, max: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: max });
}

/** A KPI value with its unit; null when there is none. */
export function formatKpi(kpi: string, value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  switch (kpi) {
    case "up":
      return value >= 1 ? "up" : "down";
    case "response_time_ms":
      return `${decimals(value, value < 10 ? 1 : 0)} ms`;
    case "error_rate_pct":
      return `${decimals(value, 2)} %`;
    case "throughput_rps":
      return `${decimals(value, value < 10 ? 2 : 0)} req/s`;
    case "memory_pct":
      return `${decimals(value, 1)} %`;
    case "breaker_state":
      return BREAKERS[value] ?? String(value);
    default:
      return decimals(value, 2);
  }
}

/** Uptime: "no data" for a window without checks, never 0 % or 100 %. */
export function formatUptime(pct: number | null): string {
  if (pct === null) return "no data";
  const whole = pct === 100 || pct === 0;
  return `${pct.toLocaleString("en-GB", { maximumFractionDigits: 2, minimumFractionDigits: whole ? 0 : 2 })} %`;
}

export const LEVEL_TEXT: Record<HealthLevel, string> = {
  ok: "text-green-800 dark:text-green-300",
  warning: "text-amber-800 dark:text-amber-300",
  critical: "text-red-700 dark:text-red-400",
};

export function formatInterval(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A moment to the second, in UTC (server and browser agree, so hydration does too); prefer <Time> in JSX. */
export function formatMoment(value: string | number): string {
  return formatAbsolute(value, { seconds: true });
}

const UNIT: Record<string, string> = {
  response_time_ms: " ms",
  error_rate_pct: " %",
  throughput_rps: " req/s",
  memory_pct: " %",
};

/** "warning > 200 ms · critical > 500 ms" (strict comparisons, as the runbook words them). */
export function formatThresholds(
  kpi: string,
  t: { direction: "higher-is-worse" | "lower-is-worse"; warning: number; critical: number },
): string {
  if (kpi === "breaker_state") return "warning when half-open · critical when open";
  const op = t.direction === "higher-is-worse" ? ">" : "<";
  const unit = UNIT[kpi] ?? "";
  return `warning ${op} ${t.warning}${unit} · critical ${op} ${t.critical}${unit}`;
}

const shortTime = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});
const dayTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});
const dayOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Axis labels fitting the span of the window: times for a day or less, dates beyond a week. */
export function axisTimeFormatter(spanMs: number): (t: number) => string {
  if (spanMs <= 36 * 3_600_000) return (t) => shortTime.format(t);
  if (spanMs <= 8 * 86_400_000) return (t) => dayTime.format(t);
  return (t) => dayOnly.format(t);
}

const TICK_STEPS_MS = [
  60_000,
  5 * 60_000,
  10 * 60_000,
  15 * 60_000,
  30 * 60_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  86_400_000,
  2 * 86_400_000,
  7 * 86_400_000,
  14 * 86_400_000,
  30 * 86_400_000,
];

/** Round UTC times across the whole window (at most ~6), so the axis spans it even where there is no data. */
export function timeTicks(from: number, to: number): number[] {
  const step = TICK_STEPS_MS.find((s) => (to - from) / s <= 6) ?? TICK_STEPS_MS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** The colour of a KPI value: its level's when it is alerting, neutral when OK (an OK level with an out-of-range
 * value just means the no-flap rule has not confirmed a change yet). */
export function valueTone(level: HealthLevel): string {
  return level === "ok" ? "" : LEVEL_TEXT[level];
}
