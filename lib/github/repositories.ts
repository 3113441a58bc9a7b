// The repositories steward syncs: added in Settings → Repositories (lib/github/admin) or listed in STEWARD_REPOS.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

export function parseRepositoryName(fullName: string): { owner: string; name: string; key: string } | null {
  const match = NAME.exec(fullName.trim());
  if (!match?.[1] || !match[2] || match[2] === "." || match[2] === "..") return null;
  return { owner: match[1], name: match[2], key: `${match[1]}/${match[2]}`.toLowerCase() };
}

/** Adds (or re-enables) a repository; GitHub names are case-insensitive, so `key` is lower-case. */
export async function addRepository(fullName: string) {
  const parsed = parseRepositoryName(fullName);
  if (!parsed) throw new Error(`"${fullName}" is not a repository name (owner/name)`);
  return db.githubRepository.upsert({
    where: { key: parsed.key },
    create: { owner: parsed.owner, name: parsed.name, key: parsed.key },
    update: { enabled: true },
  });
}

function configuredRepositories(): string[] {
  return getEnv().STEWARD_REPOS?.split(",").map((r) => r.trim()).filter(Boolean) ?? [];
}

/** Lower-case keys of the repositories listed in STEWARD_REPOS (they come back if removed in Settings). */
export function configuredRepositoryKeys(): Set<string> {
  return new Set(configuredRepositories().flatMap((r) => parseRepositoryName(r)?.key ?? []));
}

/** Makes sure every repository in STEWARD_REPOS exists (never disables others). */
export async function ensureConfiguredRepositories(): Promise<number> {
  const listed = configuredRepositories();
  for (const fullName of listed) {
    const parsed = parseRepositoryName(fullName);
    if (!parsed) continue;
    await db.githubRepository.upsert({ where: { key: parsed.key }, create: { owner: parsed.owner, name: parsed.name, key: parsed.key }, update: {} });
  }
  return listed.length;
}

export async function findRepositoryByName(fullName: string) {
  return db.githubRepository.findUnique({ where: { key: fullName.trim().toLowerCase() } });
}
