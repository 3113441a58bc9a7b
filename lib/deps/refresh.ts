// The daily outdated-dependency refresh: manifests from GitHub, latest versions from the registries,
// results cached in DependencyCheck (replaced per repository in one transaction).
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { GithubClient } from "@/lib/github/client";
import { githubClientOptions, hasUsableGithubToken } from "@/lib/github/credentials";
import { ensureConfiguredRepositories } from "@/lib/github/repositories";
import { compareDependency } from "./compare";
import { fetchManifests } from "./graphql/manifests";
import { parseManifest, type ManifestDependency } from "./manifests";
import { fetchRegistryVersions, type RegistryOptions, type RegistryVersions } from "./registry";

export type RefreshContext = { now?: Date; client: GithubClient; registry: RegistryOptions; concurrency?: number };
export type RefreshResult = {
  manifests: string[];
  dependencies: number;
  outdated: number;
  unknown: number;
  durationMs: number;
  error: string | null;
};

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** Refreshes one repository. A manifest that does not parse is skipped and named in `error`. */
export async function refreshRepositoryDependencies(
  ctx: RefreshContext,
  repo: { id: string; owner: string; name: string },
): Promise<RefreshResult> {
  const started = Date.now();
  const startedAt = ctx.now ?? new Date();
  const errors: string[] = [];
  let files: Array<{ path: string; text: string }> = [];
  try {
    files = await fetchManifests(ctx.client, repo.owner, repo.name);
  } catch (error) {
    errors.push(`manifests could not be read: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
  }
  const deps: Array<ManifestDependency & { manifestPath: string }> = [];
  for (const f of files) {
    try {
      for (const d of parseManifest(f.path, f.text)) deps.push({ ...d, manifestPath: f.path });
    } catch (error) {
      errors.push(`${f.path}: ${error instanceof Error ? error.message : "unreadable"}`);
    }
  }
  // One registry request per package, however many manifests name it.
  const keys = [...new Set(deps.map((d) => `${d.ecosystem}\u0000${d.name}`))];
  const answers = new Map<string, RegistryVersions>();
  await mapLimit(keys, ctx.concurrency ?? 8, async (key) => {
    const [ecosystem, name] = key.split("\u0000") as ["npm" | "pypi", string];
    answers.set(key, await fetchRegistryVersions(ecosystem, name, ctx.registry));
  });
  const seen = new Set<string>();
  const rows = deps.flatMap((d) => {
    const unique = `${d.manifestPath}\u0000${d.ecosystem}\u0000${d.name}\u0000${d.section}`;
    if (seen.has(unique)) return [];
    seen.add(unique);
    const c = compareDependency(d, answers.get(`${d.ecosystem}\u0000${d.name}`)!);
    return [
      {
        repoId: repo.id,
        manifestPath: d.manifestPath,
        ecosystem: d.ecosystem,
        name: d.name,
        section: d.section,
        spec: d.spec.slice(0, 500),
        current: d.current,
        ...c,
        checkedAt: startedAt,
      },
    ];
  });
  const manifests = files.map((f) => f.path);
  const error = errors.length ? errors.join("; ").slice(0, 1000) : null;
  const durationMs = Date.now() - started;
  const unknown = rows.filter((r) => r.status === "unknown").length;
  const summary = {
    startedAt,
    finishedAt: new Date(startedAt.getTime() + durationMs),
    durationMs,
    manifests,
    dependencies: rows.length,
    unknown,
    error,
  };
  // A failed manifest read keeps the previous results rather than replacing them with nothing.
  await db.$transaction([
    ...(files.length || !error
      ? [db.dependencyCheck.deleteMany({ where: { repoId: repo.id } }), db.dependencyCheck.createMany({ data: rows })]
      : []),
    db.dependencyRefresh.upsert({
      where: { repoId: repo.id },
      create: { repoId: repo.id, ...summary },
      update: summary,
    }),
  ]);
  return {
    manifests,
    dependencies: rows.length,
    outdated: rows.filter((r) => r.status === "outdated").length,
    unknown,
    durationMs,
    error,
  };
}

export function registryOptionsFromEnv(): RegistryOptions {
  const env = getEnv();
  return {
    npmUrl: env.STEWARD_NPM_REGISTRY_URL,
    pypiUrl: env.STEWARD_PYPI_URL,
    allowPrivate: env.STEWARD_HEALTH_ALLOW_PRIVATE,
  };
}

/** Results younger than this are kept when a worker starts (a restart does not ask the registries again). */
const FRESH_MS = 20 * 3600_000;

/** The daily job (also at worker start): every enabled repository; rows of repositories no longer known are removed. */
export async function runDependencyRefresh(
  options: { now?: Date; skipFresh?: boolean } = {},
): Promise<Record<string, number | string>> {
  await ensureConfiguredRepositories();
  if (!(await hasUsableGithubToken())) return { skipped: "no GitHub token (GITHUB_TOKEN or Settings → Repositories)" };
  const now = options.now ?? new Date();
  const fresh = options.skipFresh
    ? (
        await db.dependencyRefresh.findMany({
          where: { finishedAt: { gt: new Date(now.getTime() - FRESH_MS) } },
          select: { repoId: true },
        })
      ).map((r) => r.repoId)
    : [];
  const repos = await db.githubRepository.findMany({
    where: { enabled: true, id: { notIn: fresh } },
    select: { id: true, owner: true, name: true },
  });
  await db.dependencyCheck.deleteMany({
    where: { repoId: { notIn: (await db.githubRepository.findMany({ select: { id: true } })).map((r) => r.id) } },
  });
  if (repos.length === 0) return { repositories: 0 };
  const client = new GithubClient(await githubClientOptions());
  const registry = registryOptionsFromEnv();
  let dependencies = 0;
  let outdated = 0;
  let failed = 0;
  for (const repo of repos) {
    const r = await refreshRepositoryDependencies({ client, registry }, repo);
    dependencies += r.dependencies;
    outdated += r.outdated;
    if (r.error) failed++;
  }
  return { repositories: repos.length, dependencies, outdated, failed };
}
