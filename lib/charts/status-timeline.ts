// Status-timeline segments (as on status pages): one per check, or one per time bucket with its worst state.
export const SEGMENT_STATES = ["ok", "warning", "critical", "no_data", "maintenance", "pending"] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];
export type ObservedState = "ok" | "warning" | "critical";

export type Observation = { at: string | number | Date; state: ObservedState; value?: string | null };
export type Window = { from: string | number | Date; to: string | number | Date };

export type Segment = {
  from: string;
  to: string;
  state: SegmentState;
  /** Checks per observed state within the segment. */
  counts: Record<ObservedState, number>;
  /** The value of the worst check (e.g. "503 Service Unavailable", "812 ms"), if any. */
  value: string | null;
};

const RANK: Record<ObservedState, number> = { ok: 0, warning: 1, critical: 2 };
const ms = (v: string | number | Date) => (v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(v));
const emptyCounts = (): Record<ObservedState, number> => ({ ok: 0, warning: 0, critical: 0 });

export type BucketOptions = {
  from: string | number | Date;
  to: string | number | Date;
  buckets: number;
  observations: Observation[];
  /** Maintenance windows: checks inside them do not count, and a bucket without other checks shows maintenance. */
  maintenance?: Window[];
  /** When the target was created: buckets from then until its first check are pending, earlier ones no data. */
  createdAt?: string | number | Date | null;
};

/**
 * `buckets` equal slices of [from, to). A bucket's state is its worst check (critical > warning > ok);
 * without checks: maintenance if it overlaps a window, pending between creation and the first check ever,
 * otherwise no data. A check exactly on a boundary belongs to the later bucket; one at `to` is left out.
 */
export function bucketStatus({
  from,
  to,
  buckets,
  observations,
  maintenance = [],
  createdAt = null,
}: BucketOptions): Segment[] {
  const start = ms(from);
  const end = ms(to);
  if (!(end > start) || buckets < 1) return [];
  const width = (end - start) / buckets;
  const windows = maintenance.map((w) => ({ from: ms(w.from), to: ms(w.to) }));
  const inMaintenance = (t: number) => windows.some((w) => t >= w.from && t < w.to);
  const sorted = observations.map((o) => ({ ...o, t: ms(o.at) })).sort((a, b) => a.t - b.t);
  const firstCheck = sorted[0]?.t ?? Number.POSITIVE_INFINITY;
  const created = createdAt === null ? null : ms(createdAt);

  const segments: Segment[] = Array.from({ length: buckets }, (_, i) => {
    const bFrom = start + i * width;
    const bTo = i === buckets - 1 ? end : start + (i + 1) * width;
    return {
      from: new Date(bFrom).toISOString(),
      to: new Date(bTo).toISOString(),
      state: "no_data",
      counts: emptyCounts(),
      value: null,
    };
  });
  const worst: Array<number> = segments.map(() => -1);
  for (const o of sorted) {
    if (o.t < start || o.t >= end || inMaintenance(o.t)) continue;
    const i = Math.min(buckets - 1, Math.floor((o.t - start) / width));
    const seg = segments[i]!;
    seg.counts[o.state] += 1;
    if (RANK[o.state] >= worst[i]!) {
      worst[i] = RANK[o.state];
      seg.state = o.state;
      seg.value = o.value ?? null;
    }
  }
  segments.forEach((seg, i) => {
    if (worst[i]! >= 0) return;
    const bFrom = ms(seg.from);
    const bTo = ms(seg.to);
    if (windows.some((w) => w.from < bTo && w.to > bFrom)) seg.state = "maintenance";
    else if (created !== null && bTo > created && bFrom < firstCheck) seg.state = "pending";
  });
  return segments;
}

/** The last `n` checks, oldest first, one segment each; a target without checks yet gets one pending segment. */
export function checkSegments(observations: Observation[], n: number, now: string | number | Date): Segment[] {
  const sorted = observations
    .map((o) => ({ ...o, t: ms(o.at) }))
    .sort((a, b) => a.t - b.t)
    .slice(-n);
  if (sorted.length === 0) {
    const at = new Date(ms(now)).toISOString();
    return [{ from: at, to: at, state: "pending", counts: emptyCounts(), value: null }];
  }
  return sorted.map((o) => {
    const counts = emptyCounts();
    counts[o.state] = 1;
    const at = new Date(o.t).toISOString();
    return { from: at, to: at, state: o.state, counts, value: o.value ?? null };
  });
}

export const SEGMENT_LABELS: Record<SegmentState, string> = {
  ok: "OK",
  warning: "Warning",
  critical: "Critical",
  no_data: "No data",
  maintenance: "Maintenance",
  pending: "Pending (no check yet)",
};

/** "12 checks: 11 ok, 1 critical" or the state's label when there were none. */
export function describeCounts(segment: Segment): string {
  const total = segment.counts.ok + segment.counts.warning + segment.counts.critical;
  if (total === 0) return SEGMENT_LABELS[segment.state];
  const parts = (["ok", "warning", "critical"] as const)
    .filter((s) => segment.counts[s] > 0)
    .map((s) => `${segment.counts[s]} ${s}`);
  return `${total} ${total === 1 ? "check" : "checks"}: ${parts.join(", ")}`;
}
