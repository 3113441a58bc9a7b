// Test wiring: a generated repository served by the GitHub test server, its GithubRepository row,
// and sync options pointing at the server with fast retries.
import { db } from "@/lib/db";
import {
  type FaultOptions,
  generateRepo,
  type GeneratedRepo,
  type GenerateRepoOptions,
  type GitHubTestServer,
  startGitHubTestServer,
} from "@/lib/github/test-server";
import type { SyncOptions } from "../sync/sync-repository";

export interface Harness {
  repo: GeneratedRepo;
  server: GitHubTestServer;
  repoId: string;
  options: (extra?: Partial<SyncOptions>) => SyncOptions;
  stop: () => Promise<void>;
}

/**
 * Generated repositories embed `databaseId` in every node id and derive their data from the name;
 * test files pass distinct ones, so their rows (keyed by node id) never meet in the shared test
 * database and the data is the same on every run. A row left by an earlier run is replaced.
 */
export async function startHarness(
  gen: Omit<GenerateRepoOptions, "owner" | "name"> & { databaseId: number; name: string },
  server: { faults?: FaultOptions; latencyMs?: number; otherRepos?: GeneratedRepo[] } = {},
): Promise<Harness> {
  const owner = "acme";
  const name = gen.name;
  const repo = generateRepo({ ...gen, owner, name });
  const testServer = await startGitHubTestServer({
    repos: [repo, ...(server.otherRepos ?? [])],
    faults: server.faults,
    latencyMs: server.latencyMs,
  });
  const key = `${owner}/${name}`.toLowerCase();
  await db.githubRepository.deleteMany({ where: { key } });
  const row = await db.githubRepository.create({ data: { owner, name, key } });
  return {
    repo,
    server: testServer,
    repoId: row.id,
    options: (extra = {}) => ({
      trigger: "test",
      ...extra,
      client: {
        token: "test-token",
        baseUrl: testServer.url,
        baseDelayMs: 1,
        maxDelayMs: 20,
        perMinute: 1_000_000,
        reserve: 0,
        maxAttempts: 12,
        ...extra.client,
      },
    }),
    stop: () => testServer.stop(),
  };
}
