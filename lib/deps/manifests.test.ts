import { describe, expect, it } from "vitest";
import { npmCurrentVersion, parsePackageJson, parsePyproject, parseRequirementsTxt } from "./manifests";

describe("npm ranges", () => {
  it.each([
    ["^4.17.21", "4.17.21"],
    ["~1.2.3", "1.2.3"],
    ["1.2.3", "1.2.3"],
    [">=2.0.0 <3", "2.0.0"],
    ["1.x", "1.0.0"],
    ["^0.3", "0.3.0"],
    ["v2.1.0", "2.1.0"],
    ["*", null],
    ["latest", null],
    ["workspace:*", null],
    ["file:../lib", null],
    ["github:acme/lib#main", null],
    ["git+https://x/y.git", null],
    ["npm:other@^1", null],
    ["not a range", null],
  ])("%s → %s", (spec, current) => expect(npmCurrentVersion(spec)).toBe(current));

  it("reads dependencies, devDependencies and optionalDependencies, not peers", () => {
    const deps = parsePackageJson(
      JSON.stringify({
        dependencies: { react: "^19.0.0" },
        devDependencies: { "@types/node": "~20.11.0" },
        peerDependencies: { vue: "^3" },
        optionalDependencies: { fsevents: "2.3.3" },
      }),
    );
    expect(deps).toEqual([
      { ecosystem: "npm", name: "react", spec: "^19.0.0", section: "dependencies", current: "19.0.0" },
      { ecosystem: "npm", name: "@types/node", spec: "~20.11.0", section: "devDependencies", current: "20.11.0" },
      { ecosystem: "npm", name: "fsevents", spec: "2.3.3", section: "optionalDependencies", current: "2.3.3" },
    ]);
  });
  it("refuses invalid JSON with a message", () => {
    expect(() => parsePackageJson("{ nope")).toThrow(/not valid JSON/);
  });
});

describe("requirements.txt", () => {
  const text = [
    "# pinned for reproducible builds",
    "numpy==1.26.4",
    "scipy>=1.11,<2  # range",
    "requests[socks,security] >= 2.28.0 ; python_version >= '3.8'",
    "Django~=4.2.0",
    "matplotlib",
    "pandas == 2.2.*",
    "-r base.txt",
    "--index-url https://example.org/simple",
    "-e git+https://github.com/acme/lib.git#egg=lib",
    "cantera==3.0.0 \\",
    "    --hash=sha256:abcdef",
    "mylib @ https://example.org/mylib-1.0.tar.gz",
    "",
    "Flask_SQLAlchemy>3.0",
  ].join("\n");
  it("parses pins, ranges, extras, markers, comments, continuations and URLs", () => {
    expect(parseRequirementsTxt(text).map((d) => [d.name, d.spec, d.current])).toEqual([
      ["numpy", "==1.26.4", "1.26.4"],
      ["scipy", ">=1.11,<2", "1.11"],
      ["requests", ">=2.28.0", "2.28.0"],
      ["django", "~=4.2.0", "4.2.0"],
      ["matplotlib", "*", null],
      ["pandas", "==2.2.*", "2.2.0"],
      ["cantera", "==3.0.0", "3.0.0"],
      ["mylib", "@ https://example.org/mylib-1.0.tar.gz", null],
      ["flask-sqlalchemy", ">3.0", "3.0"],
    ]);
  });
});

describe("pyproject.toml", () => {
  it("reads PEP 621 dependencies and extras, and Poetry tables", () => {
    const text = `
[build-system]
requires = ["setuptools>=61"]

[project]
name = "rocket-sim"
dependencies = [
  "numpy>=1.24",   # arrays
  'scipy==1.11.4',
  "cantera; sys_platform != 'win32'",
]

[project.optional-dependencies]
dev = ["pytest>=8.0", "mypy==1.10.0"]

[tool.poetry.dependencies]
python = "^3.11"
httpx = "^0.27.0"
pydantic = { version = ">=2.5,<3", extras = ["email"] }

[tool.poetry.group.test.dependencies]
hypothesis = "6.100.1"
`;
    expect(parsePyproject(text).map((d) => [d.name, d.section, d.spec, d.current])).toEqual([
      ["numpy", "project", ">=1.24", "1.24"],
      ["scipy", "project", "==1.11.4", "1.11.4"],
      ["cantera", "project", "*", null],
      ["pytest", "optional: dev", ">=8.0", "8.0"],
      ["mypy", "optional: dev", "==1.10.0", "1.10.0"],
      ["httpx", "poetry", "^0.27.0", "0.27.0"],
      ["pydantic", "poetry", ">=2.5,<3", "2.5"],
      ["hypothesis", "poetry: test", "6.100.1", "6.100.1"],
    ]);
  });
});
