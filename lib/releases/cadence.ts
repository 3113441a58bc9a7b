// Release cadence targets (the O&M summary: patches as needed, minor every 3–6 months, major yearly)
// and how the time since the last release of each class compares with them. Pure: no database.
export type ReleaseClass = "major" | "minor" | "patch" | "prerelease" | "unknown";
export type CadenceTarget = { minDays: number | null; maxDays: number | null };
export type CadenceTargets = { patch: CadenceTarget; minor: CadenceTarget; major: CadenceTarget };
export type CadenceState = "as_needed" | "within" | "due" | "overdue" | "none";
export type CadenceLine = {
  cls: "patch" | "minor" | "major";
  lastAt: Date | null;
  lastVersion: string | null;
  daysSince: number | null;
  target: CadenceTarget;
  state: CadenceState;
  /** "last minor 5 months ago — target every 3–6 months" */
  text: string;
};

export const DEFAULT_CADENCE: CadenceTargets = {
  patch: { minDays: null, maxDays: null },
  minor: { minDays: 90, maxDays: 180 },
  major: { minDays: null, maxDays: 365 },
};

const RANGE = /^(\d+)([dw])(?:-(\d+)([dw]))?$/;
const days = (n: string, u: string) => Number(n) * (u === "w" ? 7 : 1);

/** "minor=90d-180d,major=365d,patch=30d": one number is a maximum, a range is min–max. */
export function parseCadence(spec: string | undefined, base: CadenceTargets = DEFAULT_CADENCE): CadenceTargets {
  const out: CadenceTargets = { patch: { ...base.patch }, minor: { ...base.minor }, major: { ...base.major } };
  if (!spec?.trim()) return out;
  for (const entry of spec
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [key, value = ""] = entry.split("=").map((s) => s.trim().toLowerCase());
    const m = RANGE.exec(value);
    if (!m || (key !== "patch" && key !== "minor" && key !== "major"))
      throw new Error(`"${entry}" must look like minor=90d-180d`);
    out[key] = m[3]
      ? { minDays: days(m[1]!, m[2]!), maxDays: days(m[3], m[4]!) }
      : { minDays: null, maxDays: days(m[1]!, m[2]!) };
  }
  return out;
}

function span(d: number): string {
  if (d < 1) return "today";
  if (d < 14) return `${Math.floor(d)} day${Math.floor(d) === 1 ? "" : "s"} ago`;
  if (d < 60) return `${Math.floor(d / 7)} weeks ago`;
  if (d < 730) return `${Math.floor(d / 30.44)} months ago`;
  return `${Math.floor(d / 365.25)} years ago`;
}

function targetText(t: CadenceTarget): string {
  const u = (d: number) =>
    d % 365 === 0 ? `${d / 365} year${d === 365 ? "" : "s"}` : d % 30 === 0 ? `${d / 30} months` : `${d} days`;
  if (t.maxDays === null) return "as needed";
  if (t.maxDays === 365 && t.minDays === null) return "target yearly";
  if (t.minDays === null) return `target at least every ${u(t.maxDays)}`;
  if (t.minDays % 30 === 0 && t.maxDays % 30 === 0) return `target every ${t.minDays / 30}–${t.maxDays / 30} months`;
  return `target every ${t.minDays}–${t.maxDays} days`;
}

/**
 * Time since the last release of each class. A major release also counts as the minor cadence's
 * release (it ships features too). States: within (before the window), due (inside min–max),
 * overdue (past max), none (no release of the class), as_needed (no target).
 */
export function computeCadence(
  releases: Array<{ version: string; cls: ReleaseClass; at: Date }>,
  targets: CadenceTargets,
  now: Date,
): CadenceLine[] {
  return (["patch", "minor", "major"] as const).map((cls) => {
    const counts = (c: ReleaseClass) => c === cls || (cls === "minor" && c === "major");
    const last = releases.filter((r) => counts(r.cls)).sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null;
    const target = targets[cls];
    const daysSince = last ? (now.getTime() - last.at.getTime()) / 86_400_000 : null;
    let state: CadenceState;
    if (target.maxDays === null) state = "as_needed";
    else if (daysSince === null) state = "none";
    else if (daysSince > target.maxDays) state = "overdue";
    else if (target.minDays !== null && daysSince >= target.minDays) state = "due";
    else state = "within";
    const lastText = last ? `last ${cls} ${span(daysSince!)} (${last.version})` : `no ${cls} release yet`;
    return {
      cls,
      lastAt: last?.at ?? null,
      lastVersion: last?.version ?? null,
      daysSince: daysSince === null ? null : Math.floor(daysSince),
      target,
      state,
      text: `${lastText} — ${targetText(target)}`,
    };
  });
}
