// How long the daily manifest refresh takes for one repository with 300 dependencies (200 npm, 100
// PyPI) against a local fake registry and the GitHub test server. Usage: npm run bench:deps
import { startEmbeddedPostgres } from "@/lib/embedded/pglite-server";
import { applyMigrations } from "@/lib/migrations/apply";
import { GithubClient } from "@/lib/github/client";
import { generateRepo, startGitHubTestServer } from "@/lib/github/test-server";
import { startFakeRegistry, type FakePackage } from "@/lib/deps/fake-registry";
import { refreshRepositoryDependencies } from "@/lib/deps/refresh";

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
process.env.DATABASE_URL ??= embedded?.url;
await applyMigrations(process.env.DATABASE_URL!);
const { db } = await import("@/lib/db");

const versions = (i: number): FakePackage => ({
  versions: {
    "1.0.0": "2025-01-01T00:00:00Z",
    [`1.${i % 5}.1`]: "2025-06-01T00:00:00Z",
    [`${1 + (i % 3)}.2.0`]: "2025-09-01T00:00:00Z",
  },
});
const npm = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`bench-npm-${i}`, versions(i)]));
const pypi = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`bench-py-${i}`, versions(i)]));
const registry = await startFakeRegistry({ npm, pypi });
const repo = generateRepo({ owner: "bench", name: "deps300", seed: 3, issues: 1, pulls: 1, databaseId: 1999 });
repo.files = {
  "package.json": JSON.stringify({ dependencies: Object.fromEntries(Object.keys(npm).map((n) => [n, "^1.0.0"])) }),
  "requirements.txt": Object.keys(pypi)
    .map((n) => `${n}==1.0.0`)
    .join("\n"),
};
const server = await startGitHubTestServer({ repos: [repo] });
const key = `bench/deps300-${Date.now()}`;
const row = await db.githubRepository.create({ data: { owner: "bench", name: "deps300", key } });
const client = new GithubClient({ token: "t", baseUrl: server.url, reserve: 0, perMinute: 1_000_000 });
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await refreshRepositoryDependencies(
    { client, registry: { npmUrl: registry.npmUrl, pypiUrl: registry.pypiUrl, allowPrivate: true } },
    { id: row.id, owner: "bench", name: "deps300" },
  );
  runs.push(performance.now() - t0);
  console.log(
    `run ${i + 1}: ${r.dependencies} dependencies, ${r.outdated} outdated, ${r.unknown} unknown, ${Math.round(runs.at(-1)!)} ms`,
  );
}
console.log(`registry requests: ${registry.requests()}; median ${Math.round(runs.sort((a, b) => a - b)[1]!)} ms`);
await db.dependencyCheck.deleteMany({ where: { repoId: row.id } });
await db.dependencyRefresh.deleteMany({ where: { repoId: row.id } });
await db.githubRepository.delete({ where: { id: row.id } });
await server.stop();
await registry.close();
await embedded?.stop();
process.exit(0);
