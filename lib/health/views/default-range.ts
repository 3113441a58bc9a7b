// The chart range a target's page opens with: the shortest preset that covers the target's whole life, up to 24 h.
import type { SeriesRange } from "../schemas";

// Only presets the range picker offers (CHART_RANGES), so one of its buttons shows as chosen.
const FITS: Array<[SeriesRange, number]> = [["1h", 3_600_000]];

export function defaultRangeFor(createdAt: string | Date, now: Date = new Date()): SeriesRange {
  const age = now.getTime() - new Date(createdAt).getTime();
  return FITS.find(([, ms]) => age <= ms)?.[0] ?? "24h";
}
