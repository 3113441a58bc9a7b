// Manifest parsers: package.json (npm ranges), requirements*.txt and pyproject.toml (PEP 508 / Poetry).
// Each dependency keeps its spec as written and the version it currently allows at the low end.
import semver from "semver";

export type Ecosystem = "npm" | "pypi";
export type ManifestDependency = {
  ecosystem: Ecosystem;
  name: string;
  spec: string;
  section: string;
  current: string | null;
};

const NPM_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

/** The lowest version an npm range allows; null for tags, URLs, git, file: and workspace: specs. */
export function npmCurrentVersion(spec: string): string | null {
  const s = spec.trim();
  if (
    !s ||
    s === "*" ||
    s === "latest" ||
    /^(workspace|file|link|git\+?|github|https?|npm):/i.test(s) ||
    s.includes("/")
  )
    return null;
  try {
    return semver.validRange(s, { loose: true }) ? (semver.minVersion(s, { loose: true })?.version ?? null) : null;
  } catch {
    return null;
  }
}

export function parsePackageJson(text: string): ManifestDependency[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("package.json is not valid JSON");
  }
  if (typeof data !== "object" || data === null) throw new Error("package.json is not an object");
  const out: ManifestDependency[] = [];
  for (const section of NPM_SECTIONS) {
    const deps = (data as Record<string, unknown>)[section];
    if (typeof deps !== "object" || deps === null) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec !== "string") continue;
      out.push({ ecosystem: "npm", name, spec, section, current: npmCurrentVersion(spec) });
    }
  }
  return out;
}

/** PEP 503 normalised name: "Django_REST.framework" → "django-rest-framework". */
export const normalizePyName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

const PEP508 =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(?\s*((?:===|==|~=|!=|<=|>=|<|>)[^;@]*?)\s*\)?)?\s*(@\s*\S+)?\s*(;.*)?$/;

/** The version a PEP 440 specifier starts from: the pin, the ~= base, or the lower bound. */
export function pythonCurrentVersion(spec: string): string | null {
  const clauses = spec
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  for (const op of ["===", "==", "~=", ">="]) {
    const clause = clauses.find((c) => c.startsWith(op) && !(op === "==" && c.startsWith("===")));
    if (clause) {
      const v = clause.slice(op.length).trim();
      return v.includes("*") ? v.replace(/\.\*$/, ".0") : v || null;
    }
  }
  const gt = clauses.find((c) => c.startsWith(">") && !c.startsWith(">="));
  return gt ? gt.slice(1).trim() || null : null;
}

/** One PEP 508 requirement ("requests[socks]>=2.28,<3 ; python_version >= '3.8'"); null if it is none. */
export function parseRequirement(line: string, section: string): ManifestDependency | null {
  const m = PEP508.exec(line.trim());
  if (!m) return null;
  if (m[5])
    return {
      ecosystem: "pypi",
      name: normalizePyName(m[1]!),
      spec: m[5].replace(/^@\s*/, "@ "),
      section,
      current: null,
    };
  const spec = (m[4] ?? "").replace(/\s+/g, "");
  return {
    ecosystem: "pypi",
    name: normalizePyName(m[1]!),
    spec: spec || "*",
    section,
    current: spec ? pythonCurrentVersion(spec) : null,
  };
}

/** requirements.txt: comments, blank lines, continuations, options (-r, -e, --hash, --index-url) skipped. */
export function parseRequirementsTxt(text: string, section = "requirements.txt"): ManifestDependency[] {
  const out: ManifestDependency[] = [];
  const joined = text.replace(/\\\r?\n/g, " ");
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw
      .replace(/(^|\s)#.*$/, "")
      .replace(/\s--hash=\S+/g, "")
      .trim();
    if (!line || line.startsWith("-") || /^[a-z+]+:\/\//i.test(line)) continue;
    const dep = parseRequirement(line, section);
    if (dep) out.push(dep);
  }
  return out;
}

function tomlStrings(body: string): string[] {
  return [...body.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? "");
}

/** Sections of a TOML file by header, without a TOML library: enough for dependency tables and arrays. */
function tomlSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name = "";
  let lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\[\]]+)\]\s*(#.*)?$/.exec(raw);
    if (header) {
      out.set(name, lines.join("\n"));
      name = header[1]!.trim();
      lines = [];
    } else lines.push(raw.replace(/^(\s*[^"'#]*)#.*$/, "$1"));
  }
  out.set(name, lines.join("\n"));
  return out;
}

/** `key = [ "a", "b" ]` arrays in one section (multi-line allowed). */
function tomlArrays(body: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of body.matchAll(/^\s*([\w.-]+|"[^"]+")\s*=\s*\[([\s\S]*?)\]\s*$/gm))
    out.set(m[1]!.replace(/"/g, ""), tomlStrings(m[2]!));
  return out;
}

function poetrySpec(value: string): string | null {
  const v = value.trim();
  const str = /^["']([^"']*)["']$/.exec(v);
  if (str) return str[1]!;
  const version = /version\s*=\s*["']([^"']*)["']/.exec(v);
  return version ? version[1]! : null;
}

/** Poetry's ^ and ~ mean what they mean for npm; PEP 440 specifiers go through pythonCurrentVersion. */
function poetryCurrent(spec: string): string | null {
  return /^[\^~]|^\d/.test(spec.trim()) && !spec.includes(",")
    ? npmCurrentVersion(spec)
    : pythonCurrentVersion(spec.replace(/\s+/g, ""));
}

export function parsePyproject(text: string): ManifestDependency[] {
  const sections = tomlSections(text);
  const out: ManifestDependency[] = [];
  const project = tomlArrays(sections.get("project") ?? "");
  for (const req of project.get("dependencies") ?? []) {
    const dep = parseRequirement(req, "project");
    if (dep) out.push(dep);
  }
  for (const [extra, reqs] of tomlArrays(sections.get("project.optional-dependencies") ?? "")) {
    for (const req of reqs) {
      const dep = parseRequirement(req, `optional: ${extra}`);
      if (dep) out.push(dep);
    }
  }
  for (const [name, body] of sections) {
    const poetry = /^tool\.poetry\.(?:group\.([\w-]+)\.)?(dev-)?dependencies$/.exec(name);
    if (!poetry) continue;
    for (const m of body.matchAll(/^\s*([A-Za-z0-9][\w.-]*)\s*=\s*(.+)$/gm)) {
      if (m[1]!.toLowerCase() === "python") continue;
      const spec = poetrySpec(m[2]!);
      if (spec === null) continue;
      out.push({
        ecosystem: "pypi",
        name: normalizePyName(m[1]!),
        spec,
        section: poetry[1] ? `poetry: ${poetry[1]}` : poetry[2] ? "poetry: dev" : "poetry",
        current: poetryCurrent(spec),
      });
    }
  }
  return out;
}

/** Which parser a default-branch path takes; null for files steward does not read. */
export function manifestKind(path: string): "package.json" | "requirements" | "pyproject" | null {
  const base = path.split("/").pop() ?? "";
  if (base === "package.json") return "package.json";
  if (/^requirements.*\.txt$/.test(base)) return "requirements";
  if (base === "pyproject.toml") return "pyproject";
  return null;
}

export function parseManifest(path: string, text: string): ManifestDependency[] {
  const kind = manifestKind(path);
  if (kind === "package.json") return parsePackageJson(text);
  if (kind === "requirements") return parseRequirementsTxt(text, path);
  if (kind === "pyproject") return parsePyproject(text);
  return [];
}
