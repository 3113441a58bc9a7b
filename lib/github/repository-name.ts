// The one owner/name rule (GitHub's): used by STEWARD_REPOS in lib/env.ts, Settings → Repositories
// and the sync, so a name one accepts is never silently skipped by another. Pure: no database.
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

export function parseRepositoryName(fullName: string): { owner: string; name: string; key: string } | null {
  const match = NAME.exec(fullName.trim());
  if (!match?.[1] || !match[2] || match[2] === "." || match[2] === "..") return null;
  return { owner: match[1], name: match[2], key: `${match[1]}/${match[2]}`.toLowerCase() };
}
