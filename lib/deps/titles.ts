// Update-PR titles as Dependabot and Renovate write them. Anything else parses as "unknown".
export type ParsedPackage = { name: string; from: string | null; to: string };
export type ParsedTitle =
  | { kind: "single"; package: ParsedPackage; directory: string | null }
  | { kind: "group"; group: string; count: number | null; packages: ParsedPackage[] }
  | { kind: "unknown" };

const VERSION = String.raw`v?\d[\w.+-]*`;
const NAME = String.raw`@?[\w.-]+(?:\/[\w.-]+)*`;
// Optional conventional-commit prefix: "chore(deps): ", "build(deps-dev): ", "fix(deps): ", "[Security] ".
const PREFIX = String.raw`^(?:\[security\]\s*)?(?:[a-z]+(?:\([\w-]+\))?!?:\s*)?(?:\[security\]\s*)?`;

const DEPENDABOT = new RegExp(
  `${PREFIX}(?:bump|update|upgrade)\\s+(${NAME})\\s+(?:requirement\\s+)?from\\s+(${VERSION}|[^\\s]+)\\s+to\\s+(${VERSION}|\\S+)(?:\\s+in\\s+(\\S+))?\\s*$`,
  "i",
);
const RENOVATE = new RegExp(
  `${PREFIX}update\\s+(?:dependency\\s+|module\\s+|)(${NAME})\\s+to\\s+(${VERSION})(?:\\s+\\[security\\])?\\s*$`,
  "i",
);
const RENOVATE_MONOREPO = new RegExp(
  `${PREFIX}update\\s+(${NAME})\\s+monorepo\\s+to\\s+(${VERSION})(?:\\s+\\[security\\])?\\s*$`,
  "i",
);
const DEPENDABOT_GROUP = new RegExp(
  `${PREFIX}bump\\s+the\\s+(\\S+)\\s+group(?:\\s+across\\s+\\d+\\s+director(?:y|ies))?(?:\\s+(?:in\\s+\\S+\\s+)?with\\s+(\\d+)\\s+updates?)?(?:\\s+in\\s+\\S+)?\\s*$`,
  "i",
);
const RENOVATE_GROUP = new RegExp(
  `${PREFIX}update\\s+(.+?)(?:\\s+packages|\\s+dependencies)?\\s*(?:\\(.*\\))?\\s*$`,
  "i",
);
// "Bump a and b" / "Bump a, b and c" (Dependabot's multi-package PRs, no versions in the title).
const DEPENDABOT_MULTI = new RegExp(
  `${PREFIX}bump\\s+(${NAME}(?:,\\s*${NAME})*\\s+and\\s+${NAME})(?:\\s+in\\s+\\S+)?\\s*$`,
  "i",
);

const strip = (v: string) => v.replace(/^v(?=\d)/, "");

/** Renovate's "Update all non-major dependencies" or "Update react packages" — without a version it is a group. */
export function parseUpdateTitle(raw: string): ParsedTitle {
  const title = raw.trim().replace(/\s+/g, " ");
  if (title.length === 0 || title.length > 300) return { kind: "unknown" };
  let m = DEPENDABOT.exec(title);
  if (m)
    return { kind: "single", package: { name: m[1]!, from: strip(m[2]!), to: strip(m[3]!) }, directory: m[4] ?? null };
  m = DEPENDABOT_GROUP.exec(title);
  if (m) return { kind: "group", group: m[1]!, count: m[2] ? Number(m[2]) : null, packages: [] };
  m = RENOVATE_MONOREPO.exec(title);
  if (m) return { kind: "single", package: { name: m[1]!, from: null, to: strip(m[2]!) }, directory: null };
  m = RENOVATE.exec(title);
  if (m) return { kind: "single", package: { name: m[1]!, from: null, to: strip(m[2]!) }, directory: null };
  m = DEPENDABOT_MULTI.exec(title);
  if (m) {
    const names = m[1]!.split(/,\s*|\s+and\s+/).filter(Boolean);
    return { kind: "group", group: names.join(", "), count: names.length, packages: [] };
  }
  m = RENOVATE_GROUP.exec(title);
  if (
    m &&
    /\b(all|non-major|minor|patch|dependencies|packages|group|monorepo)\b/i.test(title) &&
    !/\s+to\s+/.test(m[1]!)
  ) {
    return { kind: "group", group: m[1]!.trim(), count: null, packages: [] };
  }
  return { kind: "unknown" };
}
