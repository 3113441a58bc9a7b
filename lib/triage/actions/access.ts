// Whether the configured GitHub token may change issues in each repository (viewerPermission
// TRIAGE or more), remembered for five minutes; a FORBIDDEN answer to an action marks it read-only.
import "server-only";
import { GithubClient } from "@/lib/github/client";
import { githubClientOptions, hasUsableGithubToken } from "@/lib/github/credentials";
import { VIEWER_PERMISSION } from "../graphql/mutations";

const TTL_MS = 5 * 60_000;
const WRITERS = new Set(["TRIAGE", "WRITE", "MAINTAIN", "ADMIN"]);
const cache = ((
  globalThis as unknown as { stewardTriageAccess?: Map<string, { at: number; canWrite: boolean }> }
).stewardTriageAccess ??= new Map());

export const READ_ONLY_MESSAGE = "This token can read but not write issues";

export type WriteAccess = { canWrite: boolean; message: string | null; byRepo: Record<string, boolean> };

export function markReadOnly(repoKey: string): void {
  cache.set(repoKey, { at: Date.now(), canWrite: false });
}

export function forgetWriteAccess(): void {
  cache.clear();
}

async function probe(client: GithubClient, repo: { key: string; owner: string; name: string }): Promise<boolean> {
  const hit = cache.get(repo.key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.canWrite;
  try {
    const data = await client.query<{ repository: { viewerPermission: string | null } | null }>(VIEWER_PERMISSION, {
      owner: repo.owner,
      name: repo.name,
    });
    const canWrite = WRITERS.has(data.repository?.viewerPermission ?? "");
    cache.set(repo.key, { at: Date.now(), canWrite });
    return canWrite;
  } catch {
    return true; // unknown (GitHub unreachable): offer the actions; a refusal is then reported per action
  }
}

export async function getWriteAccess(repos: Array<{ key: string; owner: string; name: string }>): Promise<WriteAccess> {
  if (!(await hasUsableGithubToken()))
    return {
      canWrite: false,
      message: "No usable GitHub token: an admin sets one in Settings → Repositories.",
      byRepo: {},
    };
  const client = new GithubClient({
    ...(await githubClientOptions()),
    maxAttempts: 2,
    baseDelayMs: 200,
    signal: AbortSignal.timeout(10_000),
  });
  const byRepo: Record<string, boolean> = {};
  for (const repo of repos) byRepo[repo.key] = await probe(client, repo);
  const writable = Object.values(byRepo).filter(Boolean).length;
  const readOnly = repos.filter((r) => !byRepo[r.key]).map((r) => `${r.owner}/${r.name}`);
  const message = readOnly.length
    ? `${READ_ONLY_MESSAGE} in ${readOnly.join(", ")}: actions are hidden${writable ? " for those repositories" : ""}.`
    : null;
  return { canWrite: writable > 0, message, byRepo };
}
