// Release classes by comparing each version with the one before it (semver, tolerant of a "v" prefix).
// Unlike dependency updates, 0.x releases follow the runbook: 0.1.x is a patch, 0.x.0 a minor release.
import semver from "semver";
import { toSemver } from "@/lib/deps/classify";
import type { ReleaseClass } from "./cadence";

export function releaseStep(previous: string | null, version: string): ReleaseClass {
  const v = toSemver(version);
  if (!v) return "unknown";
  if (v.prerelease.length > 0) return "prerelease";
  const p = previous ? toSemver(previous) : null;
  if (!p) return v.major > 0 ? "major" : v.minor > 0 ? "minor" : "patch";
  if (v.major !== p.major) return "major";
  if (v.minor !== p.minor) return "minor";
  return "patch";
}

/** Each version's class against the highest stable version below it. */
export function classifyReleases<T extends { version: string }>(
  items: T[],
): Array<T & { class: ReleaseClass; previous: string | null }> {
  const stable = items
    .map((i) => ({ raw: i.version, v: toSemver(i.version) }))
    .filter((x): x is { raw: string; v: semver.SemVer } => x.v !== null && x.v.prerelease.length === 0)
    .sort((a, b) => semver.compare(a.v, b.v));
  return items.map((item) => {
    const v = toSemver(item.version);
    let previous: string | null = null;
    if (v)
      for (const s of stable)
        if (semver.lt(s.v, v) && (v.prerelease.length === 0 || semver.lt(s.v, `${v.major}.${v.minor}.${v.patch}`)))
          previous = s.raw;
    return { ...item, class: releaseStep(previous, item.version), previous };
  });
}

/** The version after `latest` for the largest change waiting: breaking → major, feature → minor, else patch. */
export function suggestNextVersion(latest: string | null, step: "major" | "minor" | "patch"): string | null {
  const v = latest ? toSemver(latest) : null;
  if (!v) return null;
  const next = semver.inc(v, v.major === 0 && step === "major" ? "minor" : step);
  return next ? `${latest!.startsWith("v") ? "v" : ""}${next}` : null;
}
