// The repositories steward syncs: added in Settings → Repositories (lib/github/admin) or listed in STEWARD_REPOS.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { parseRepositoryName } from "./repository-name";

function configuredRepositories(): string[] {
  return (
    getEnv()
      .STEWARD_REPOS?.split(",")
      .map((r) => r.trim())
      .filter(Boolean) ?? []
  );
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
    await db.githubRepository.upsert({
      where: { key: parsed.key },
      create: { owner: parsed.owner, name: parsed.name, key: parsed.key },
      update: {},
    });
  }
  return listed.length;
}
