// Data hygiene for everything that comes from GitHub: PostgreSQL refuses NUL in text and lone
// surrogates in jsonb, and GraphQL and REST name bots differently.

export type ActorType = "user" | "bot" | "ghost";

export interface Actor {
  login: string | null;
  type: ActorType;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes NUL and replaces unpaired surrogates (U+FFFD); emoji and every other character stay. */
export function cleanText(value: string): string;
export function cleanText(value: string | null | undefined): string | null;
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

/** JSON.parse that cleans every string on the way in (for webhook payloads stored as jsonb). */
export function parseCleanJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? cleanText(value) : value));
}

/**
 * GraphQL gives bots as `__typename: "Bot"` without the `[bot]` suffix; REST and webhooks as
 * `login[bot]` with `type: "Bot"`. Both become `{ login: "dependabot", type: "bot" }`; a missing
 * author (deleted account, shown as "ghost" on GitHub) becomes `{ login: null, type: "ghost" }`.
 */
export function toActor(raw: { __typename?: string; type?: string; login?: string | null } | null | undefined): Actor {
  if (!raw || !raw.login) return { login: null, type: "ghost" };
  const login = cleanText(raw.login);
  const suffixed = login.endsWith("[bot]");
  if (raw.__typename === "Bot" || raw.type === "Bot" || suffixed)
    return { login: suffixed ? login.slice(0, -5) : login, type: "bot" };
  if (login === "ghost") return { login: null, type: "ghost" }; // REST's stand-in for deleted accounts
  return { login, type: "user" };
}
