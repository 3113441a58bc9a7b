// MTTA, MTTR and time to mitigate, per month (UTC, by the month the incident started) and by type
// and severity. Durations in seconds. Definitions are shown on the History page (DEFINITIONS).
export type StatsIncident = {
  typeKey: string;
  severity: string;
  startedAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  resolutionMinutes: number;
};

export type DurationSummary = { count: number; median: number | null; p90: number | null; mean: number | null };
export type StatsRow = {
  key: string;
  incidents: number;
  open: number;
  unacknowledged: number;
  mtta: DurationSummary;
  mttr: DurationSummary;
  mttm: DurationSummary;
  /** Resolved incidents whose resolved − started ≤ the type's resolution target, and their share (0–1). */
  withinTarget: { resolved: number; within: number; share: number | null };
};
export type IncidentStats = { months: StatsRow[]; byType: StatsRow[]; bySeverity: StatsRow[]; total: StatsRow };

export const DEFINITIONS = {
  mtta: "MTTA — time to acknowledge: acknowledged − started, over incidents that were acknowledged (unacknowledged ones are counted separately, never as zero).",
  mttr: "MTTR — time to resolve: resolved − started, over resolved incidents (incidents still open are not included; they are counted as open).",
  mttm: "Time to mitigate: mitigated − started; mitigated is when the status first became monitoring, or the resolution time if it never did.",
  stats:
    "Per month of the start time (UTC). Median: the middle value (the mean of the two middle values for an even count). p90: nearest rank — the ⌈0.9 · n⌉-th smallest value. Mean: the arithmetic mean. Count: how many incidents have the duration.",
  within:
    "Within target: the share of resolved incidents whose time to resolve was at most their type's resolution target.",
};

const seconds = (from: Date, to: Date | null) => (to ? (to.getTime() - from.getTime()) / 1000 : null);

export function summarize(values: number[]): DurationSummary {
  if (values.length === 0) return { count: 0, median: null, p90: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  return { count: n, median, p90, mean: sorted.reduce((a, b) => a + b, 0) / n };
}

function row(key: string, list: StatsIncident[]): StatsRow {
  const pick = (f: (i: StatsIncident) => number | null) => list.map(f).filter((v): v is number => v !== null);
  const resolved = list.filter((i) => i.resolvedAt);
  const within = resolved.filter((i) => seconds(i.startedAt, i.resolvedAt)! <= i.resolutionMinutes * 60).length;
  return {
    key,
    incidents: list.length,
    open: list.length - resolved.length,
    unacknowledged: list.filter((i) => !i.acknowledgedAt).length,
    mtta: summarize(pick((i) => seconds(i.startedAt, i.acknowledgedAt))),
    mttr: summarize(pick((i) => seconds(i.startedAt, i.resolvedAt))),
    mttm: summarize(pick((i) => seconds(i.startedAt, i.mitigatedAt))),
    withinTarget: { resolved: resolved.length, within, share: resolved.length > 0 ? within / resolved.length : null },
  };
}

function groupBy(list: StatsIncident[], key: (i: StatsIncident) => string): StatsRow[] {
  const groups = new Map<string, StatsIncident[]>();
  for (const i of list) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => row(k, v));
}

export function computeIncidentStats(list: StatsIncident[]): IncidentStats {
  return {
    months: groupBy(list, (i) => i.startedAt.toISOString().slice(0, 7)),
    byType: groupBy(list, (i) => i.typeKey),
    bySeverity: groupBy(list, (i) => i.severity),
    total: row("all", list),
  };
}
