// Default-branch manifest files (package.json, requirements.txt, pyproject.toml) for the outdated-dependency check.
import type { GenContext } from "./gen-context";
import { rngFor } from "./random";

const NPM = [
  "react",
  "next",
  "zod",
  "lodash",
  "express",
  "axios",
  "chalk",
  "commander",
  "date-fns",
  "semver",
  "uuid",
  "debug",
  "vitest",
  "typescript",
  "eslint",
  "prettier",
];
const PY = ["numpy", "scipy", "requests", "django", "flask", "pandas", "matplotlib", "pytest", "httpx", "pydantic"];

/** Root files by path. The npm and PyPI versions are plausible, not real: tests pair them with a fake registry. */
export function makeManifests(ctx: GenContext, enabled: boolean): Record<string, string> {
  if (!enabled) return {};
  const r = rngFor(ctx.seed, ctx.repoKey, "manifests");
  const v = () => `${r.int(1, 9)}.${r.int(0, 12)}.${r.int(0, 20)}`;
  const deps: Record<string, string> = {};
  const dev: Record<string, string> = {};
  for (const name of NPM.slice(0, 10)) deps[name] = `${r.pick(["^", "~", ""])}${v()}`;
  for (const name of NPM.slice(10)) dev[name] = `^${v()}`;
  const pkg = {
    name: ctx.repoKey.split("/")[1],
    version: "1.0.0",
    private: true,
    dependencies: deps,
    devDependencies: dev,
  };
  const reqs = PY.slice(0, 6).map((name, i) =>
    i % 3 === 0
      ? `${name}==${v()}`
      : i % 3 === 1
        ? `${name}>=${v()},<${r.int(10, 12)}  # range`
        : `${name}[extra]~=${v()} ; python_version >= "3.10"`,
  );
  const pyproject = `[project]\nname = "${ctx.repoKey.split("/")[1]}"\ndependencies = [\n${PY.slice(6)
    .map((n) => `  "${n}>=${v()}",`)
    .join("\n")}\n]\n`;
  return {
    "package.json": `${JSON.stringify(pkg, null, 2)}\n`,
    "requirements.txt": `# runtime\n${reqs.join("\n")}\n`,
    "pyproject.toml": pyproject,
    "README.md": `# ${ctx.repoKey}\n`,
  };
}
