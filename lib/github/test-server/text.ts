import type { Rng } from "./random";

/** Text that looks like real tracker content, including the awkward parts real data has. */

const SUBJECTS = [
  "dashboard",
  "sync worker",
  "webhook handler",
  "login page",
  "API client",
  "release script",
  "health check",
  "metrics chart",
  "runbook editor",
  "incident timeline",
  "settings form",
  "CLI",
  "docs site",
  "Postgres migration",
  "rate limiter",
  "cache layer",
  "search index",
  "export job",
  "notification email",
];
const PROBLEMS = [
  "crashes when",
  "is slow when",
  "shows wrong totals after",
  "times out during",
  "leaks memory on",
  "ignores the config for",
  "returns 500 on",
  "renders blank after",
  "double-counts items on",
  "hangs on",
];
const TRIGGERS = [
  "a large repository",
  "an empty page",
  "a retry",
  "daylight saving change",
  "Safari 17",
  "a slow network",
  "restart",
  "the first run",
  "a renamed label",
  "unicode input",
  "a deleted user",
];
const FEATURES = [
  "Add dark mode to",
  "Support pagination in",
  "Allow filtering by label in",
  "Export CSV from",
  "Add keyboard shortcuts to",
  "Show P95 latency in",
  "Document setup for",
  "Cache responses in",
];
export const EMOJI = ["🚀", "🐛", "🔥", "✅", "⚠️", "🎉", "👀", "💥", "🧪", "📈", "👍🏽", "🤖"];
export const NON_LATIN = [
  "日本語の説明文です",
  "Привет, это ошибка в синхронизации",
  "مرحبا، هذا خطأ",
  "中文问题描述",
  "नमस्ते, यह एक बग है",
  "Ελληνικά κείμενο",
  "한국어 설명입니다",
  "עברית טקסט",
];
const WORDS = (
  "the a this when after before with without our every request page user sync job queue label " +
  "comment value error timeout retry cursor token config database worker release build test chart metric " +
  "should would could never always sometimes fails works returns shows expected actual steps reproduce"
).split(" ");
const PACKAGES = [
  "lodash",
  "next",
  "react",
  "zod",
  "pg",
  "undici",
  "semver",
  "minimist",
  "axios",
  "ws",
  "postcss",
  "esbuild",
  "vite",
  "prisma",
  "tar",
  "follow-redirects",
  "braces",
  "micromatch",
  "cookie",
];

export function packageName(rng: Rng): string {
  return rng.pick(PACKAGES);
}

export function version(rng: Rng): string {
  return `${rng.int(0, 9)}.${rng.int(0, 20)}.${rng.int(0, 30)}`;
}

function sentence(rng: Rng, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(rng.pick(WORDS));
  const text = parts.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function issueTitle(rng: Rng, isPull: boolean): string {
  let title = rng.chance(0.6)
    ? `${capitalize(rng.pick(SUBJECTS))} ${rng.pick(PROBLEMS)} ${rng.pick(TRIGGERS)}`
    : `${rng.pick(FEATURES)} ${rng.pick(SUBJECTS)}`;
  if (isPull) title = rng.chance(0.5) ? `fix: ${title}` : `feat: ${title}`;
  if (rng.chance(0.08)) title = `${rng.pick(EMOJI)} ${title}`;
  if (rng.chance(0.05)) title = `${title} (${rng.pick(NON_LATIN)})`;
  return title;
}

/** Bodies: sometimes empty, sometimes emoji, non-Latin text, and ~1% a NUL char as real data has. */
export function markdownBody(rng: Rng, paragraphs: number): string {
  if (rng.chance(0.05)) return "";
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) out.push(sentence(rng, rng.int(5, 18)));
  if (rng.chance(0.3))
    out.push("```\n" + `Error: ${rng.pick(WORDS)} ${rng.pick(WORDS)} at line ${rng.int(1, 500)}` + "\n```");
  if (rng.chance(0.15)) out.push(`${rng.pick(EMOJI)} ${sentence(rng, 4)}`);
  if (rng.chance(0.1)) out.push(rng.pick(NON_LATIN));
  if (rng.chance(0.01)) out.push(`log excerpt: before\u0000after`);
  return out.join("\n\n");
}

export function commentBody(rng: Rng): string {
  if (rng.chance(0.1)) return rng.pick(["+1", "👍", "LGTM", "Any update on this?", "Fixed in main, thanks!"]);
  return markdownBody(rng, rng.int(1, 2)) || "👍";
}

/** GitHub's bodyText: markdown stripped. Approximation: drop fences and markup characters. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```/g, "")
    .replace(/[*_#`>]/g, "")
    .trim();
}

export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 30) || "change"
  );
}
