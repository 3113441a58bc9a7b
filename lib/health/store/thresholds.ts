/**
 * KPI thresholds from the runbook ("Performance Monitoring → KPIs") and the alert state machine.
 *
 * Levels use strict comparisons, exactly as the runbook words them: "alert > 200 ms" means 200 ms
 * is still ok; "critical < 100 req/s" means 100 req/s is a warning, not critical. `target` is the
 * goal shown on the dashboard; between target and warning a KPI is "ok" (not alerting).
 */
export const KPI_NAMES = [
  "response_time_ms",
  "error_rate_pct",
  "throughput_rps",
  "memory_pct",
  "breaker_state",
] as const;
export type Kpi = (typeof KPI_NAMES)[number];

export type Level = "ok" | "warning" | "critical";
export type Direction = "higher-is-worse" | "lower-is-worse";

export interface KpiThreshold {
  direction: Direction;
  target: number;
  warning: number;
  critical: number;
}

export type Thresholds = Record<Kpi, KpiThreshold>;
export type ThresholdOverrides = Partial<Record<Kpi, Partial<KpiThreshold>>>;

/** Circuit breaker gauge encoding (same as the default `circuit_breaker_state` metric). */
export const BREAKER_VALUE = { closed: 0, open: 1, "half-open": 2 } as const;

export const DEFAULT_THRESHOLDS: Thresholds = {
  response_time_ms: { direction: "higher-is-worse", target: 100, warning: 200, critical: 500 },
  error_rate_pct: { direction: "higher-is-worse", target: 0.1, warning: 1, critical: 5 },
  throughput_rps: { direction: "lower-is-worse", target: 1000, warning: 500, critical: 100 },
  memory_pct: { direction: "higher-is-worse", target: 80, warning: 90, critical: 95 },
  // Runbook: "Circuit breakers: closed". Half-open (probing) warns; open is critical.
  breaker_state: { direction: "higher-is-worse", target: 0, warning: 0, critical: 1 },
};

/** Merges per-target overrides onto the defaults; throws RangeError if warning/critical are out of order. */
export function resolveThresholds(overrides: ThresholdOverrides = {}): Thresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const kpi of KPI_NAMES) {
    const t = { ...DEFAULT_THRESHOLDS[kpi], ...overrides[kpi] };
    const ordered = t.direction === "higher-is-worse" ? t.warning <= t.critical : t.warning >= t.critical;
    if (!ordered)
      throw new RangeError(`${kpi}: warning ${t.warning} and critical ${t.critical} are in the wrong order`);
    out[kpi] = t;
  }
  return out;
}

/** Level of one observation. Breaker state is compared as its gauge value (open 1 > closed 0). */
export function evaluate(kpi: Kpi, value: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): Level {
  if (Number.isNaN(value)) throw new RangeError(`${kpi}: value is NaN`);
  if (kpi === "breaker_state") {
    if (value === BREAKER_VALUE.open) return "critical";
    return value === BREAKER_VALUE["half-open"] ? "warning" : "ok";
  }
  const t = thresholds[kpi];
  const worse = (limit: number) => (t.direction === "higher-is-worse" ? value > limit : value < limit);
  if (worse(t.critical)) return "critical";
  return worse(t.warning) ? "warning" : "ok";
}

const SEVERITY: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };

export interface AlertState {
  level: Level;
  /** Consecutive observations on the same side (worse or better) of `level`. */
  consecutiveBreaches: number;
  /** Mildest level seen in a worsening streak / worst level seen in an improving streak. */
  pendingLevel: Level | null;
}

export interface AlertEvent {
  kpi: string;
  from: Level;
  to: Level;
  value: number;
  at: Date;
}

export const INITIAL_ALERT_STATE: AlertState = { level: "ok", consecutiveBreaches: 0, pendingLevel: null };

export interface NextStateOptions {
  breachesToChange: number;
  kpi: string;
  value: number;
  /** A Date, or Unix milliseconds: the Date is then made only for an event (record.ts passes ms). */
  at: Date | number;
}

/**
 * Debounced level changes: the level moves only after N consecutive observations all worse (or all
 * better) than it, and then to the level every one of them reached — like Prometheus `for:` per
 * level. A count alone can't say which level a streak reached, hence `pendingLevel` in the state.
 */
export function nextState(
  prev: AlertState,
  observed: Level,
  opts: NextStateOptions,
): { state: AlertState; event?: AlertEvent } {
  const diff = SEVERITY[observed] - SEVERITY[prev.level];
  if (diff === 0) return { state: { level: prev.level, consecutiveBreaches: 0, pendingLevel: null } };
  const pending = prev.pendingLevel;
  const sameSide = pending !== null && Math.sign(SEVERITY[pending] - SEVERITY[prev.level]) === Math.sign(diff);
  const count = sameSide ? prev.consecutiveBreaches + 1 : 1;
  const pick = diff > 0 ? Math.min : Math.max; // worsening → mildest seen; improving → worst seen
  const bound = sameSide ? pick(SEVERITY[pending], SEVERITY[observed]) : SEVERITY[observed];
  const boundLevel = (Object.keys(SEVERITY) as Level[]).find((l) => SEVERITY[l] === bound) ?? observed;
  if (count < Math.max(1, opts.breachesToChange)) {
    return { state: { level: prev.level, consecutiveBreaches: count, pendingLevel: boundLevel } };
  }
  const at = typeof opts.at === "number" ? new Date(opts.at) : opts.at;
  const event: AlertEvent = { kpi: opts.kpi, from: prev.level, to: boundLevel, value: opts.value, at };
  return { state: { level: boundLevel, consecutiveBreaches: 0, pendingLevel: null }, event };
}
