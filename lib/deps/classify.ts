// patch / minor / major between two versions with semver (coerced: "v1.2", "1.2" and "2024.1.0" work).
import semver from "semver";

export type UpdateClass = "patch" | "minor" | "major" | "security" | "unknown";

function toSemver(version: string): semver.SemVer | null {
  const clean = version.trim().replace(/^[=v\s]+/, "");
  return semver.parse(clean, { loose: true }) ?? semver.coerce(clean, { includePrerelease: true });
}

/** Class of the step from → to; "unknown" when either side is not a version or `to` is not newer. */
export function classifyVersionChange(from: string | null, to: string | null): Exclude<UpdateClass, "security"> {
  if (!from || !to) return "unknown";
  const a = toSemver(from);
  const b = toSemver(to);
  if (!a || !b || semver.lte(b, a)) return "unknown";
  if (b.major !== a.major) return "major";
  // 0.x: a minor step is breaking by semver's rules, so it counts as major.
  if (b.minor !== a.minor) return a.major === 0 ? "major" : "minor";
  if (b.patch !== a.patch) return a.major === 0 && a.minor === 0 ? "major" : "patch";
  return "patch"; // pre-release → release or pre-release → pre-release of the same x.y.z
}

/** Newest of several version strings (ignores the unparseable); null when none parses. */
export function newestVersion(versions: string[]): string | null {
  let best: { raw: string; v: semver.SemVer } | null = null;
  for (const raw of versions) {
    const v = toSemver(raw);
    if (v && (!best || semver.gt(v, best.v))) best = { raw, v };
  }
  return best?.raw ?? null;
}

export function isPrerelease(version: string): boolean {
  const v = semver.parse(version.replace(/^v/, ""), { loose: true });
  return v !== null && v.prerelease.length > 0;
}

export { toSemver };
