// Update targets (the runbook's strategy: security immediately, patch within 1 week, minor within
// 2 weeks, major planned) and the SLA state of one update against its target.
export type Severity = "critical" | "high" | "moderate" | "low";
export type SlaState = "within" | "due_soon" | "breached" | "unknown";

export type UpdateTargets = {
  /** Seconds per alert severity; "immediately" = 24 h by default. */
  security: Record<Severity, number>;
  patch: number;
  minor: number;
  /** No target: listed, never overdue. */
  major: null;
};

const HOUR = 3600;
const DAY = 24 * HOUR;

export const DEFAULT_UPDATE_TARGETS: UpdateTargets = {
  security: { critical: DAY, high: DAY, moderate: DAY, low: DAY },
  patch: 7 * DAY,
  minor: 14 * DAY,
  major: null,
};

/** "Due soon" = the last quarter of the target window. */
export const DUE_SOON_FRACTION = 0.75;

const DURATION = /^(\d+(?:\.\d+)?)(h|d|w)$/;
const UNIT: Record<string, number> = { h: HOUR, d: DAY, w: 7 * DAY };

/**
 * Parses "critical=12h,high=24h,moderate=3d,low=1w,patch=7d,minor=14d" (any subset) over the defaults.
 * Throws with the offending entry; env.ts turns that into a configuration error.
 */
export function parseUpdateTargets(
  spec: string | undefined,
  base: UpdateTargets = DEFAULT_UPDATE_TARGETS,
): UpdateTargets {
  const out: UpdateTargets = { ...base, security: { ...base.security } };
  if (!spec?.trim()) return out;
  for (const entry of spec
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [key, value] = entry.split("=").map((s) => s.trim().toLowerCase());
    const m = value ? DURATION.exec(value) : null;
    if (!m) throw new Error(`"${entry}" must look like patch=7d (units h, d, w)`);
    const seconds = Number(m[1]) * UNIT[m[2]!]!;
    if (key === "patch" || key === "minor") out[key] = seconds;
    else if (key === "critical" || key === "high" || key === "moderate" || key === "low") out.security[key] = seconds;
    else if (key === "security") out.security = { critical: seconds, high: seconds, moderate: seconds, low: seconds };
    else throw new Error(`"${key}" is not one of security, critical, high, moderate, low, patch, minor`);
  }
  return out;
}

export function normalizeSeverity(s: string | null | undefined): Severity | null {
  const l = (s ?? "").toLowerCase();
  if (l === "medium") return "moderate";
  return l === "critical" || l === "high" || l === "moderate" || l === "low" ? l : null;
}

/** Target for an update class; null = no target (major). Unknown severity falls back to the strictest. */
export function targetSeconds(
  targets: UpdateTargets,
  cls: "patch" | "minor" | "major" | "security" | "unknown",
  severity?: string | null,
): number | null {
  if (cls === "security") {
    const sev = normalizeSeverity(severity);
    return sev ? targets.security[sev] : Math.min(...Object.values(targets.security));
  }
  if (cls === "patch" || cls === "minor") return targets[cls];
  return null;
}

export type Sla = { ageSeconds: number; targetSeconds: number | null; dueAt: Date | null; sla: SlaState };

/**
 * within: before 75 % of the target; due_soon: from 75 % up to the deadline; breached: at or past it.
 * unknown: no start time, or an unclassified update (no target can be chosen). No target (major) = within.
 */
export function slaFor(start: Date | null, target: number | null, now: Date, classKnown = true): Sla {
  if (!start || !classKnown)
    return {
      ageSeconds: start ? Math.max(0, Math.floor((now.getTime() - start.getTime()) / 1000)) : 0,
      targetSeconds: target,
      dueAt: null,
      sla: "unknown",
    };
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - start.getTime()) / 1000));
  if (target === null) return { ageSeconds, targetSeconds: null, dueAt: null, sla: "within" };
  const dueAt = new Date(start.getTime() + target * 1000);
  const sla: SlaState =
    ageSeconds >= target ? "breached" : ageSeconds >= target * DUE_SOON_FRACTION ? "due_soon" : "within";
  return { ageSeconds, targetSeconds: target, dueAt, sla };
}

export const SLA_ORDER: Record<SlaState, number> = { breached: 0, due_soon: 1, unknown: 2, within: 3 };

/** "24 h", "7 days", "2 weeks" — how a target is shown next to the figure. */
export function formatTarget(seconds: number | null): string {
  if (seconds === null) return "no target";
  if (seconds % (7 * DAY) === 0) return seconds === 7 * DAY ? "1 week" : `${seconds / (7 * DAY)} weeks`;
  if (seconds % DAY === 0 && seconds !== DAY) return `${seconds / DAY} days`;
  return `${Math.round(seconds / HOUR)} h`;
}
