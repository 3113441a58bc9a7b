// Update bots: GraphQL says `__typename: "Bot"` (stored as authorType "bot"); logins of the known ones also count.
export const KNOWN_UPDATE_BOT_LOGINS: string[] = [
  "dependabot",
  "dependabot-preview",
  "renovate",
  "renovate-bot",
  "depfu",
  "snyk-bot",
  "greenkeeper",
  "pyup-bot",
  "mend-bolt-for-github",
  "dependabot[bot]",
  "renovate[bot]",
];
const KNOWN_UPDATE_BOTS = [
  "dependabot",
  "dependabot-preview",
  "renovate",
  "renovate-bot",
  "renovate[bot]",
  "dependabot[bot]",
  "depfu",
  "snyk-bot",
  "greenkeeper",
  "pyup-bot",
  "mend-bolt-for-github",
];

export function isKnownUpdateBot(login: string | null): boolean {
  if (!login) return false;
  const l = login.toLowerCase();
  return KNOWN_UPDATE_BOTS.includes(l) || KNOWN_UPDATE_BOTS.includes(l.replace(/\[bot\]$/, ""));
}

/** True for a known update bot, or any bot account whose title parses as an update. */
export function isUpdateAuthor(login: string | null, type: "user" | "bot" | "ghost", titleParses: boolean): boolean {
  if (isKnownUpdateBot(login)) return true;
  return type === "bot" && titleParses;
}
