// One pull request judged as a dependency update: is it one, which packages, which class.
import { isKnownUpdateBot } from "./bots";
import { classifyVersionChange, type UpdateClass } from "./classify";
import { parseUpdateTitle, type ParsedPackage, type ParsedTitle } from "./titles";

export type UpdatePullInput = {
  title: string;
  body?: string;
  labels: string[];
  authorLogin: string | null;
  authorType: "user" | "bot" | "ghost";
};
export type UpdatePullFacts = {
  isUpdate: boolean;
  parsed: ParsedTitle;
  packages: ParsedPackage[];
  updateClass: UpdateClass;
  security: boolean;
};

const RANK: Record<string, number> = { unknown: 0, patch: 1, minor: 2, major: 3 };
// Dependabot's grouped-PR body: "Updates `eslint` from 9.1.0 to 9.2.0" (one line per package).
const BODY_LINE = /Updates? (?:the requirements on )?`([^`]+)`(?: from ([\w.+-]+))? to ([\w.+-]+)/g;

// Renovate's change table: "| [eslint](https://…) | [`9.1.0` -> `9.2.0`](https://…) |".
const RENOVATE_ROW =
  /^\|\s*\[?([^\]|]+?)\]?(?:\([^)]*\))?(?:\s*\([^|]*\))?\s*\|[^|`]*`\^?~?([\w.+-]+)`\s*->\s*`\^?~?([\w.+-]+)`/gm;

function packagesFromBody(body: string): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  const seen = new Set<string>();
  for (const m of [...body.slice(0, 20_000).matchAll(BODY_LINE), ...body.slice(0, 20_000).matchAll(RENOVATE_ROW)]) {
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    out.push({ name: m[1]!, from: m[2] ?? null, to: m[3]!.replace(/^v(?=\d)/, "") });
  }
  return out;
}

export function isSecurityUpdate(title: string, labels: string[]): boolean {
  return (
    /\[security\]/i.test(title) || labels.some((l) => /^(security|vulnerability|dependabot-security)$/i.test(l.trim()))
  );
}

/** Largest step among the packages; Renovate titles without a "from" are "unknown" until the body says. */
export function classifyPackages(packages: ParsedPackage[]): Exclude<UpdateClass, "security"> {
  let best: Exclude<UpdateClass, "security"> = "unknown";
  for (const p of packages) {
    const c = classifyVersionChange(p.from, p.to);
    if (RANK[c]! > RANK[best]!) best = c;
  }
  return best;
}

export function judgeUpdatePull(input: UpdatePullInput): UpdatePullFacts {
  const parsed = parseUpdateTitle(input.title);
  const isUpdate = isKnownUpdateBot(input.authorLogin) || (input.authorType === "bot" && parsed.kind !== "unknown");
  let packages = parsed.kind === "single" ? [parsed.package] : [];
  const fromBody = parsed.kind === "single" && parsed.package.from !== null ? [] : packagesFromBody(input.body ?? "");
  if (parsed.kind === "group") packages = fromBody;
  else if (parsed.kind === "single")
    packages = [fromBody.find((p) => p.name === parsed.package.name) ?? parsed.package];
  const security = isSecurityUpdate(input.title, input.labels);
  return { isUpdate, parsed, packages, security, updateClass: security ? "security" : classifyPackages(packages) };
}
