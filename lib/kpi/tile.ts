// Pure logic behind the KPI tile: status against a threshold and the change since the previous period.
export type KpiStatus = "ok" | "warning" | "critical" | "none";
export type KpiThreshold = { direction: "higher-is-worse" | "lower-is-worse"; warning: number; critical: number };
/** Which way of change is good news: "up" (throughput), "down" (response time) or "neutral". */
export type GoodDirection = "up" | "down" | "neutral";

/** Strict comparisons, as the runbook words them: "alert > 200 ms" means 200 ms is still ok. */
export function thresholdStatus(value: number | null | undefined, threshold?: KpiThreshold | null): KpiStatus {
  if (value === null || value === undefined || Number.isNaN(value) || !threshold) return "none";
  const worse = (limit: number) => (threshold.direction === "higher-is-worse" ? value > limit : value < limit);
  if (worse(threshold.critical)) return "critical";
  return worse(threshold.warning) ? "warning" : "ok";
}

export type KpiDelta = {
  /** current − previous, in the KPI's unit. */
  change: number;
  /** Relative change in %, null when the previous value was 0. */
  pct: number | null;
  verdict: "better" | "worse" | "same";
  /** "+12 %" (or "+3" in the unit when the previous value was 0), "±0". */
  text: string;
};

const fmt = (n: number, digits: number) => n.toLocaleString("en-GB", { maximumFractionDigits: digits });

/** The change since the previous period; null when either value is missing (never a made-up 0). */
export function compareToPrevious(
  current: number | null | undefined,
  previous: number | null | undefined,
  good: GoodDirection,
): KpiDelta | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const change = current - previous;
  const pct = previous === 0 ? null : (change / Math.abs(previous)) * 100;
  const verdict = change === 0 || good === "neutral" ? "same" : change > 0 === (good === "up") ? "better" : "worse";
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const text =
    pct === null ? `${sign}${fmt(Math.abs(change), 2)}` : `${sign}${fmt(Math.abs(pct), Math.abs(pct) < 10 ? 1 : 0)} %`;
  return { change, pct, verdict: change === 0 ? "same" : verdict, text };
}
