// One manifest dependency against its registry's versions: outdated, up to date or unknown.
import semver from "semver";
import { classifyVersionChange, toSemver } from "./classify";
import type { ManifestDependency } from "./manifests";
import type { RegistryVersions } from "./registry";

export type Comparison = {
  status: "outdated" | "up_to_date" | "unknown";
  latest: string | null;
  latestPublishedAt: Date | null;
  availableSince: Date | null;
  updateClass: "patch" | "minor" | "major" | "unknown";
  reason: string | null;
};

/** PEP 440 specifiers approximated as a semver range ("~=1.4.2" → "~1.4.2", "," → " "); null if impossible. */
export function pythonRange(spec: string): string | null {
  if (!spec || spec === "*" || spec.startsWith("@")) return null;
  const parts = spec
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith("!="));
  const out: string[] = [];
  for (const c of parts) {
    const m = /^(===|==|~=|<=|>=|<|>)\s*(.+)$/.exec(c);
    if (!m) return null;
    const v = m[2]!.replace(/\.\*$/, ".x");
    if (m[1] === "~=") out.push(v.split(".").length >= 3 ? `~${v}` : `^${v}`);
    else if (m[1] === "==" || m[1] === "===") out.push(v.endsWith(".x") ? v : `=${toSemver(v)?.version ?? v}`);
    else out.push(`${m[1]}${toSemver(v)?.version ?? v}`);
  }
  const range = out.join(" ");
  return semver.validRange(range, { loose: true }) ? range : null;
}

function allowsLatest(dep: ManifestDependency, latest: semver.SemVer): boolean {
  const range =
    dep.ecosystem === "npm" || (/^[\^~]|^\d/.test(dep.spec) && !dep.spec.includes(","))
      ? dep.spec
      : pythonRange(dep.spec);
  if (!range) return false;
  try {
    return semver.satisfies(latest, range, { loose: true });
  } catch {
    return false;
  }
}

/**
 * Outdated when the registry's latest release is newer than the spec's lowest version and outside the
 * spec. The update's clock starts when the first release outside the spec was published.
 */
export function compareDependency(dep: ManifestDependency, registry: RegistryVersions): Comparison {
  const none = { latest: null, latestPublishedAt: null, availableSince: null, updateClass: "unknown" as const };
  if (!registry.ok) return { status: "unknown", ...none, reason: registry.error };
  const latest = toSemver(registry.latest);
  const latestPublishedAt = registry.published.get(registry.latest) ?? null;
  const base = { latest: registry.latest, latestPublishedAt };
  if (!dep.current || !toSemver(dep.current))
    return {
      status: "unknown",
      ...base,
      availableSince: null,
      updateClass: "unknown",
      reason: "the spec does not name a version",
    };
  if (!latest)
    return {
      status: "unknown",
      ...base,
      availableSince: null,
      updateClass: "unknown",
      reason: "the registry's latest version is not a version",
    };
  const current = toSemver(dep.current)!;
  if (semver.lte(latest, current) || allowsLatest(dep, latest))
    return { status: "up_to_date", ...base, availableSince: null, updateClass: "unknown", reason: null };
  let since: Date | null = null;
  for (const [v, at] of registry.published) {
    const sv = toSemver(v);
    if (!sv || sv.prerelease.length || semver.lte(sv, current) || semver.gt(sv, latest) || allowsLatest(dep, sv))
      continue;
    if (!since || at < since) since = at;
  }
  return {
    status: "outdated",
    ...base,
    availableSince: since ?? latestPublishedAt,
    updateClass: classifyVersionChange(dep.current, registry.latest) as Comparison["updateClass"],
    reason: null,
  };
}
