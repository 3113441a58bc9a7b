import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GithubClient } from "@/lib/github/client";
import { generateRepo, startGitHubTestServer, type GitHubTestServer } from "@/lib/github/test-server";
import { compareDependency } from "./compare";
import { startFakeRegistry, type FakeRegistry } from "./fake-registry";
import { parseRequirementsTxt } from "./manifests";
import { fetchRegistryVersions, type RegistryOptions } from "./registry";
import { refreshRepositoryDependencies } from "./refresh";

const T = (d: string) => `${d}T00:00:00.000Z`;
let registry: FakeRegistry;
let opts: RegistryOptions;

beforeAll(async () => {
  registry = await startFakeRegistry({
    npm: {
      lodash: { versions: { "4.17.20": T("2020-08-13"), "4.17.21": T("2021-02-20") } },
      react: {
        versions: {
          "18.3.1": T("2024-04-26"),
          "19.0.0": T("2024-12-05"),
          "19.1.0": T("2025-03-28"),
          "19.2.0-rc.1": T("2025-05-01"),
        },
        latest: "19.1.0",
      },
      "@types/node": {
        versions: { "20.11.0": T("2024-01-10"), "20.12.0": T("2024-04-01"), "20.12.7": T("2024-04-20") },
      },
      semver: { versions: { "7.6.0": T("2024-02-01") } },
    },
    pypi: {
      numpy: { versions: { "1.26.4": T("2024-02-05"), "2.0.0": T("2024-06-16"), "2.1.0": T("2024-08-18") } },
      scipy: { versions: { "1.11.4": T("2023-11-18"), "1.13.0": T("2024-04-02") } },
      django: { versions: { "4.2.0": T("2023-04-03"), "4.2.11": T("2024-03-04") } },
    },
    hang: ["slowpkg"],
    garbage: ["htmlpkg"],
    broken: ["errpkg"],
  });
  opts = { npmUrl: registry.npmUrl, pypiUrl: registry.pypiUrl, allowPrivate: true, timeoutMs: 300 };
});
afterAll(() => registry.close());

const npmDep = (name: string, spec: string, current: string | null) => ({
  ecosystem: "npm" as const,
  name,
  spec,
  section: "dependencies",
  current,
});

describe("registry comparison", () => {
  it("a pinned npm dependency behind the latest is outdated from the first release after it", async () => {
    const c = compareDependency(
      npmDep("lodash", "4.17.20", "4.17.20"),
      await fetchRegistryVersions("npm", "lodash", opts),
    );
    expect(c).toEqual({
      status: "outdated",
      latest: "4.17.21",
      latestPublishedAt: new Date(T("2021-02-20")),
      availableSince: new Date(T("2021-02-20")),
      updateClass: "patch",
      reason: null,
    });
  });
  it("a range that allows the latest is up to date", async () => {
    expect(
      compareDependency(npmDep("lodash", "^4.17.0", "4.17.0"), await fetchRegistryVersions("npm", "lodash", opts))
        .status,
    ).toBe("up_to_date");
  });
  it("dist-tags.latest wins over a newer pre-release; the clock starts at the first release outside the range", async () => {
    const c = compareDependency(
      npmDep("react", "^18.2.0", "18.2.0"),
      await fetchRegistryVersions("npm", "react", opts),
    );
    expect(c).toMatchObject({
      status: "outdated",
      latest: "19.1.0",
      updateClass: "major",
      availableSince: new Date(T("2024-12-05")),
    });
  });
  it("scoped packages are asked for as one path segment", async () => {
    expect(
      compareDependency(
        npmDep("@types/node", "~20.11.0", "20.11.0"),
        await fetchRegistryVersions("npm", "@types/node", opts),
      ),
    ).toMatchObject({ status: "outdated", updateClass: "minor", availableSince: new Date(T("2024-04-01")) });
  });
  it("Python pins, ranges and ~= against PyPI", async () => {
    const [numpy, scipy, django] = parseRequirementsTxt("numpy==1.26.4\nscipy>=1.11,<2\nDjango~=4.2.0\n");
    expect(compareDependency(numpy!, await fetchRegistryVersions("pypi", "numpy", opts))).toMatchObject({
      status: "outdated",
      latest: "2.1.0",
      updateClass: "major",
      availableSince: new Date(T("2024-06-16")),
    });
    expect(compareDependency(scipy!, await fetchRegistryVersions("pypi", "scipy", opts)).status).toBe("up_to_date");
    expect(compareDependency(django!, await fetchRegistryVersions("pypi", "django", opts)).status).toBe("up_to_date");
  });
  it.each([
    ["slowpkg", "registry timed out"],
    ["htmlpkg", "registry answered with something that is not JSON"],
    ["errpkg", "registry answered HTTP 500"],
    ["nosuchpkg", "not found in the registry"],
  ])("%s → unknown (%s), never up to date", async (name, reason) => {
    const c = compareDependency(npmDep(name, "1.0.0", "1.0.0"), await fetchRegistryVersions("npm", name, opts));
    expect(c).toMatchObject({ status: "unknown", reason });
  });
  it("valid JSON of the wrong shape is unknown", async () => {
    const other = await startFakeRegistry({ npm: {}, pypi: {}, shapeless: ["lodash"] });
    const bad = { ...opts, npmUrl: other.npmUrl, pypiUrl: other.pypiUrl };
    expect(await fetchRegistryVersions("npm", "lodash", bad)).toEqual({
      ok: false,
      error: "registry answer has no latest version",
    });
    expect(await fetchRegistryVersions("pypi", "lodash", bad)).toEqual({
      ok: false,
      error: "registry answer has no latest version",
    });
    await other.close();
  });
  it("the SSRF guard refuses a private registry unless private addresses are allowed", async () => {
    const before = registry.requests();
    const r = await fetchRegistryVersions("npm", "lodash", { ...opts, allowPrivate: false });
    expect(r).toMatchObject({ ok: false });
    expect(registry.requests()).toBe(before);
  });
});

describe("refreshRepositoryDependencies", () => {
  let server: GitHubTestServer;
  beforeAll(async () => {
    const repo = generateRepo({ owner: "acme", name: "deps-refresh", seed: 7, issues: 1, pulls: 1, databaseId: 1414 });
    repo.files = {
      "package.json": JSON.stringify({
        dependencies: { lodash: "4.17.20", react: "^19.1.0", semver: "workspace:*" },
        devDependencies: { htmlpkg: "^1.0.0" },
      }),
      "requirements.txt": "numpy==1.26.4  # pinned\nscipy>=1.11,<2\n",
      "requirements-dev.txt": "slowpkg==0.1\n",
      "pyproject.toml": '[project]\ndependencies = ["django~=4.2.0"]\n',
      "src/package.json": "{}",
      // A monorepo: workspace packages one and three folders down are read; vendored code and deeper folders are not.
      "packages/api/package.json": JSON.stringify({ dependencies: { lodash: "4.17.20" } }), // pinned behind: outdated
      "packages/@acme/ui/package.json": JSON.stringify({ devDependencies: { react: "^19.0.0" } }),
      "services/worker/requirements.txt": "numpy==1.26.4\n",
      "packages/api/node_modules/left-pad/package.json": JSON.stringify({ dependencies: { chalk: "1.0.0" } }),
      "a/b/c/d/package.json": JSON.stringify({ dependencies: { chalk: "1.0.0" } }),
      "README.md": "# hi",
    };
    server = await startGitHubTestServer({ repos: [repo] });
  });
  afterAll(() => server.stop());

  it("reads root and subdirectory manifests through GraphQL, compares, and caches the results", async () => {
    const row = await db.githubRepository.create({
      data: { owner: "acme", name: "deps-refresh", key: `acme/deps-refresh-${Date.now()}` },
    });
    const client = new GithubClient({ token: "t", baseUrl: server.url, reserve: 0, perMinute: 1_000_000 });
    const result = await refreshRepositoryDependencies(
      { client, registry: opts, now: new Date(T("2026-03-10")) },
      { id: row.id, owner: "acme", name: "deps-refresh" },
    );
    expect(server.stats.invalidQueries).toEqual([]);
    expect(result).toMatchObject({
      manifests: [
        "package.json",
        "pyproject.toml",
        "requirements-dev.txt",
        "requirements.txt",
        "src/package.json",
        "packages/api/package.json",
        "services/worker/requirements.txt",
        "packages/@acme/ui/package.json",
      ],
      dependencies: 11,
      outdated: 4,
      unknown: 3,
      error: null,
    });
    const rows = await db.dependencyCheck.findMany({
      where: { repoId: row.id },
      orderBy: [{ manifestPath: "asc" }, { name: "asc" }],
    });
    expect(rows.map((r) => [r.manifestPath, r.name, r.status, r.updateClass])).toEqual([
      ["package.json", "htmlpkg", "unknown", "unknown"],
      ["package.json", "lodash", "outdated", "patch"],
      ["package.json", "react", "up_to_date", "unknown"],
      ["package.json", "semver", "unknown", "unknown"],
      ["packages/@acme/ui/package.json", "react", "up_to_date", "unknown"],
      ["packages/api/package.json", "lodash", "outdated", "patch"],
      ["pyproject.toml", "django", "up_to_date", "unknown"],
      ["requirements-dev.txt", "slowpkg", "unknown", "unknown"],
      ["requirements.txt", "numpy", "outdated", "major"],
      ["requirements.txt", "scipy", "up_to_date", "unknown"],
      ["services/worker/requirements.txt", "numpy", "outdated", "major"],
    ]);
    // A second refresh replaces rather than duplicates, and its summary replaces the first one's.
    await refreshRepositoryDependencies(
      { client, registry: opts, now: new Date(T("2026-03-11")) },
      { id: row.id, owner: "acme", name: "deps-refresh" },
    );
    expect(await db.dependencyCheck.count({ where: { repoId: row.id } })).toBe(11);
    expect(await db.dependencyRefresh.findUnique({ where: { repoId: row.id } })).toMatchObject({
      startedAt: new Date(T("2026-03-11")),
      dependencies: 11,
      unknown: 3,
    });
  });
});
