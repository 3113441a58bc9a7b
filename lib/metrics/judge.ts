// Previous-period comparison and runbook targets. Pure.
import type { GoodDirection, KpiTarget } from "./definitions";
import type { KpiResult, TargetStatus } from "./types";

export function compareWithPrevious(
  value: number | null,
  previous: number | null,
  good: GoodDirection,
): KpiResult["previous"] {
  if (value === null || previous === null) return { value: previous, delta: null, good, change: null };
  const delta = value - previous;
  if (good === "neutral") return { value: previous, delta, good, change: null };
  if (delta === 0) return { value: previous, delta, good, change: "same" };
  return { value: previous, delta, good, change: delta > 0 === (good === "up") ? "better" : "worse" };
}

function meets(comparison: KpiTarget["comparison"], value: number, bound: number): boolean {
  return comparison === "lt" ? value < bound : value >= bound;
}

/** green: meets the target; amber: meets the amber bound; red: neither; null without a value. */
export function targetStatus(target: KpiTarget, value: number | null): TargetStatus | null {
  if (value === null) return null;
  if (meets(target.comparison, value, target.value)) return "green";
  return meets(target.comparison, value, target.amber) ? "amber" : "red";
}
