// Unreleased changes grouped by type label, and a changelog draft in Markdown.
export type ChangeGroup = "breaking" | "enhancement" | "bug" | "documentation" | "dependencies" | "other";
export type UnreleasedPull = {
  number: number;
  title: string;
  url: string;
  authorLogin: string | null;
  mergedAt: Date;
  labels: string[];
  group: ChangeGroup;
};

export const GROUP_TITLES: Record<ChangeGroup, string> = {
  breaking: "Breaking changes",
  enhancement: "Features and enhancements",
  bug: "Bug fixes",
  documentation: "Documentation",
  dependencies: "Dependencies",
  other: "Other changes",
};
export const GROUP_ORDER: ChangeGroup[] = ["breaking", "enhancement", "bug", "documentation", "dependencies", "other"];

// Without a type label, a conventional-commit title prefix decides ("feat:", "fix(api):", "docs:", "chore(deps):", "feat!:").
const PREFIX: Array<[RegExp, ChangeGroup]> = [
  [/^\W*\w+(\([^)]*\))?!:/, "breaking"],
  [/^\W*feat\b/i, "enhancement"],
  [/^\W*fix\b/i, "bug"],
  [/^\W*docs?\b/i, "documentation"],
  [/^\W*(chore|build|fix)\((deps|deps-dev)\)/i, "dependencies"],
];

/** First matching label wins in GROUP_ORDER; then the title prefix; an update bot's PR counts as dependencies. */
export function groupOf(labels: string[], isUpdatePull: boolean, title = ""): ChangeGroup {
  const l = labels.map((x) => x.toLowerCase());
  if (l.some((x) => /breaking|semver-major/.test(x))) return "breaking";
  if (l.some((x) => /enhancement|feature|feat\b|semver-minor/.test(x))) return "enhancement";
  if (l.some((x) => /\bbug\b|\bfix\b|regression/.test(x))) return "bug";
  if (l.some((x) => /doc/.test(x))) return "documentation";
  if (l.some((x) => /dependenc|\bdeps\b/.test(x)) || isUpdatePull) return "dependencies";
  if (/^\W*(chore|build)\((deps|deps-dev)\)/i.test(title)) return "dependencies";
  return PREFIX.find(([re]) => re.test(title))?.[1] ?? "other";
}

/** Keeps a title on one line and stops it from opening links, HTML or headings in the draft. */
function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/([\\`*_[\]<>#|])/g, "\\$1")
    .trim();
}

export function changelogDraft(version: string | null, date: string, pulls: UnreleasedPull[]): string {
  const lines = [`## ${version ?? "Unreleased"} — ${date}`, ""];
  if (pulls.length === 0) lines.push("No changes merged since the last release.", "");
  for (const group of GROUP_ORDER) {
    const inGroup = pulls.filter((p) => p.group === group);
    if (inGroup.length === 0) continue;
    lines.push(`### ${GROUP_TITLES[group]}`, "");
    for (const p of inGroup)
      lines.push(`- ${inline(p.title)} (#${p.number})${p.authorLogin ? ` by @${p.authorLogin}` : ""}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** Largest step the unreleased changes call for. */
export function stepFor(pulls: UnreleasedPull[]): "major" | "minor" | "patch" {
  if (pulls.some((p) => p.group === "breaking")) return "major";
  if (pulls.some((p) => p.group === "enhancement")) return "minor";
  return "patch";
}
