import type { GenContext } from "./gen-context";
import { DAY, hash32, iso, nodeId, rngFor, type Rng } from "./random";
import { packageName, version } from "./text";
import type { AdvisoryData, AlertData, Severity } from "./types";

const GHSA_CHARS = "23456789cfghjmpqrvwx";
const ECOSYSTEMS = ["NPM", "NPM", "NPM", "NPM", "PIP", "GO", "RUBYGEMS"] as const;
const MANIFEST: Record<(typeof ECOSYSTEMS)[number], string> = {
  NPM: "package-lock.json",
  PIP: "requirements.txt",
  GO: "go.mod",
  RUBYGEMS: "Gemfile.lock",
};
const DISMISS_REASONS = [
  "Risk is tolerable to this project",
  "A fix has already been started",
  "This alert is inaccurate or incorrect",
  "Vulnerable code is not actually used",
  "No bandwidth to fix this",
];

function ghsaId(r: Rng): string {
  const group = () => Array.from({ length: 4 }, () => GHSA_CHARS.charAt(r.int(0, GHSA_CHARS.length - 1))).join("");
  return `GHSA-${group()}-${group()}-${group()}`;
}

/** Dependabot alerts: closure is spread over fixedAt / dismissedAt / autoDismissedAt, as on GitHub. */
export function makeAlerts(ctx: GenContext, count: number): AlertData[] {
  const r = rngFor(ctx.seed, ctx.repoKey, "alerts");
  const span = ctx.nowMs - ctx.startMs;
  return Array.from({ length: count }, (_, i): AlertData => {
    const number = i + 1;
    const createdMs = ctx.startMs + (span * (i + r.next())) / Math.max(1, count);
    const severity = r.pick<Severity>(["LOW", "MODERATE", "MODERATE", "HIGH", "HIGH", "CRITICAL"]);
    const ecosystem = r.pick(ECOSYSTEMS);
    const pkg = packageName(r);
    const patched = version(r);
    const ghsa = ghsaId(r);
    const year = new Date(createdMs).getUTCFullYear();
    const u = r.next();
    const state: AlertData["state"] = u < 0.35 ? "OPEN" : u < 0.75 ? "FIXED" : u < 0.9 ? "DISMISSED" : "AUTO_DISMISSED";
    const closedMs = Math.min(createdMs + r.int(1, 60) * DAY, ctx.nowMs - 3_600_000);
    const advisoryDbId = 1000 + (hash32(ghsa) % 1_000_000);
    const advisory: AdvisoryData = {
      __typename: "SecurityAdvisory",
      id: nodeId("SA", advisoryDbId),
      databaseId: advisoryDbId,
      ghsaId: ghsa,
      summary: `${pkg} vulnerable to ${r.pick(["prototype pollution", "ReDoS", "path traversal", "SSRF", "header injection"])}`,
      description: `Versions of ${pkg} before ${patched} are affected.`,
      severity,
      identifiers: [
        { __typename: "SecurityAdvisoryIdentifier", type: "GHSA", value: ghsa },
        ...(r.chance(0.85)
          ? [
              {
                __typename: "SecurityAdvisoryIdentifier" as const,
                type: "CVE" as const,
                value: `CVE-${year}-${r.int(10000, 99999)}`,
              },
            ]
          : []),
      ],
      publishedAt: iso(createdMs - r.int(0, 5) * DAY),
      updatedAt: iso(createdMs),
      permalink: `https://github.com/advisories/${ghsa}`,
      origin: "GITHUB",
    };
    const dismissed = state === "DISMISSED";
    const dismisser = dismissed ? r.pick(ctx.maintainers) : null;
    return {
      __typename: "RepositoryVulnerabilityAlert",
      id: nodeId("RVA", ctx.repoDbId, number),
      number,
      state,
      createdAt: iso(createdMs),
      fixedAt: state === "FIXED" ? iso(closedMs) : null,
      dismissedAt: dismissed ? iso(closedMs) : null,
      autoDismissedAt: state === "AUTO_DISMISSED" ? iso(closedMs) : null,
      dismissReason: dismissed ? r.pick(DISMISS_REASONS) : null,
      dismissComment: dismissed && r.chance(0.5) ? "Only used in tests." : null,
      dismisser,
      dependencyScope: r.chance(0.7) ? "RUNTIME" : "DEVELOPMENT",
      vulnerableManifestPath: MANIFEST[ecosystem],
      vulnerableManifestFilename: MANIFEST[ecosystem],
      vulnerableRequirements: `= ${version(r)}`,
      securityVulnerability: {
        __typename: "SecurityVulnerability",
        severity,
        package: { __typename: "SecurityAdvisoryPackage", name: pkg, ecosystem },
        vulnerableVersionRange: `< ${patched}`,
        firstPatchedVersion: r.chance(0.9)
          ? { __typename: "SecurityAdvisoryPackageVersion", identifier: patched }
          : null,
        updatedAt: iso(createdMs),
        advisory,
      },
      securityAdvisory: advisory,
    };
  });
}
