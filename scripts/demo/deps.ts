// Demo data for Dependencies: a local npm registry + PyPI on loopback that knows every package in the
// generated repositories' manifests, with newer patch, minor and major releases at believable ages.
// The deps-refresh job (run at worker start) reads the manifests from the GitHub test server and asks it.
import { parseManifest } from "@/lib/deps/manifests";
import { startFakeRegistry, type FakePackage } from "@/lib/deps/fake-registry";
import type { GeneratedRepo } from "@/lib/github/test-server/types";
import semver from "semver";

const DAY = 86_400_000;

export async function startDemoDependencies(
  repos: GeneratedRepo[],
  now = new Date(),
): Promise<{ npmUrl: string; pypiUrl: string }> {
  const npm: Record<string, FakePackage> = {};
  const pypi: Record<string, FakePackage> = {};
  let i = 0;
  for (const repo of repos) {
    for (const [path, text] of Object.entries(repo.files)) {
      for (const dep of parseManifest(path, text)) {
        const base = semver.coerce(dep.current)?.version;
        const into = dep.ecosystem === "npm" ? npm : pypi;
        if (!base || into[dep.name]) continue;
        const at = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
        const versions: Record<string, string> = { [base]: at(400) };
        const kind = i++ % 5; // 0: up to date, 1–2: patch (one overdue), 3: minor, 4: major
        if (kind === 1) versions[semver.inc(base, "patch")!] = at(12);
        if (kind === 2) versions[semver.inc(base, "patch")!] = at(3);
        if (kind === 3) versions[semver.inc(base, "minor")!] = at(20);
        if (kind === 4) versions[semver.inc(base, "major")!] = at(90);
        into[dep.name] = { versions };
      }
    }
  }
  const registry = await startFakeRegistry({ npm, pypi });
  console.log(
    `demo: npm registry and PyPI stand-in on ${registry.npmUrl.replace(/\/npm$/, "")} (${Object.keys(npm).length} npm, ${Object.keys(pypi).length} PyPI packages)`,
  );
  return { npmUrl: registry.npmUrl, pypiUrl: registry.pypiUrl };
}
