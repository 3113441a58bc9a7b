import { describe, expect, it } from "vitest";
import { classifyVersionChange } from "./classify";
import { isKnownUpdateBot } from "./bots";
import { parseUpdateTitle } from "./titles";
import { judgeUpdatePull } from "./update-pull";

// Real-world titles (Dependabot, Renovate, conventional-commit prefixes) → name, from, to, class.
const SINGLE: Array<[string, string, string | null, string, string]> = [
  ["Bump lodash from 4.17.20 to 4.17.21", "lodash", "4.17.20", "4.17.21", "patch"],
  ["Bump axios from 0.21.1 to 0.21.4", "axios", "0.21.1", "0.21.4", "patch"],
  ["Bump axios from 0.21.4 to 0.27.2", "axios", "0.21.4", "0.27.2", "major"],
  ["Bump django from 3.2.4 to 4.2.11 in /backend", "django", "3.2.4", "4.2.11", "major"],
  ["build(deps): bump actions/checkout from 3 to 4", "actions/checkout", "3", "4", "major"],
  ["chore(deps-dev): bump @types/node from 20.11.5 to 20.12.7", "@types/node", "20.11.5", "20.12.7", "minor"],
  ["Bump @babel/traverse from 7.22.5 to 7.23.2 in /docs", "@babel/traverse", "7.22.5", "7.23.2", "minor"],
  ["[Security] Bump minimist from 1.2.5 to 1.2.6", "minimist", "1.2.5", "1.2.6", "patch"],
  [
    "Update requests requirement from <2.32,>=2.28 to >=2.28,<2.33",
    "requests",
    "<2.32,>=2.28",
    ">=2.28,<2.33",
    "unknown",
  ],
  ["Bump next from 14.0.0-canary.5 to 14.0.0", "next", "14.0.0-canary.5", "14.0.0", "patch"],
  ["Bump vite from 5.0.0-beta.1 to 5.0.0-beta.3", "vite", "5.0.0-beta.1", "5.0.0-beta.3", "patch"],
  ["Bump golang.org/x/net from 0.7.0 to 0.17.0", "golang.org/x/net", "0.7.0", "0.17.0", "major"],
  ["Bump numpy from v1.26.4 to v2.0.0", "numpy", "1.26.4", "2.0.0", "major"],
  ["Update dependency eslint to v9.2.0", "eslint", null, "9.2.0", "unknown"],
  ["chore(deps): update dependency @testing-library/react to v15", "@testing-library/react", null, "15", "unknown"],
  ["fix(deps): update module github.com/spf13/cobra to v1.8.1", "github.com/spf13/cobra", null, "1.8.1", "unknown"],
  ["Update babel monorepo to v7.24.5", "babel", null, "7.24.5", "unknown"],
  ["chore(deps): update dependency typescript to v5.5.0-beta [security]", "typescript", null, "5.5.0-beta", "unknown"],
];

describe("parseUpdateTitle: single-package titles", () => {
  it.each(SINGLE)("%s", (title, name, from, to) => {
    expect(parseUpdateTitle(title)).toMatchObject({ kind: "single", package: { name, from, to } });
  });
  it.each(SINGLE)("classifies %s", (title, _n, _f, _t, cls) => {
    const p = parseUpdateTitle(title);
    if (p.kind !== "single") throw new Error("not single");
    expect(classifyVersionChange(p.package.from, p.package.to)).toBe(cls);
  });
  it("keeps the directory of a Dependabot title", () => {
    expect(parseUpdateTitle("Bump django from 3.2.4 to 4.2.11 in /backend")).toMatchObject({ directory: "/backend" });
  });
});

describe("parseUpdateTitle: grouped updates", () => {
  it.each([
    ["Bump the npm group with 3 updates", "npm", 3],
    ["chore(deps): bump the dev-dependencies group across 1 directory with 12 updates", "dev-dependencies", 12],
    ["Bump the pip group in /requirements with 2 updates", "pip", 2],
    ["Bump the actions group with 1 update", "actions", 1],
    ["Bump the minor-and-patch group", "minor-and-patch", null],
  ])("%s", (title, group, count) => {
    expect(parseUpdateTitle(title)).toEqual({ kind: "group", group, count, packages: [] });
  });
  it.each([
    "Update all non-major dependencies",
    "chore(deps): update react packages",
    "Update dependency group: linters (all patch)",
  ])("%s is a group", (title) => {
    expect(parseUpdateTitle(title).kind).toBe("group");
  });
  it("reads Dependabot's 'Bump a and b'", () => {
    expect(parseUpdateTitle("Bump postcss and autoprefixer in /web")).toMatchObject({ kind: "group", count: 2 });
  });
});

describe("parseUpdateTitle: garbage → unknown", () => {
  it.each([
    "",
    "Fix typo in README",
    "Bump version to 1.2.3",
    "Update README.md",
    "bump",
    "Bump from 1 to 2",
    "x".repeat(400),
    "Release v2.0.0",
    "Update the docs to say v2",
  ])("%j", (title) => {
    expect(parseUpdateTitle(title)).toEqual({ kind: "unknown" });
  });
});

describe("classifyVersionChange", () => {
  it.each([
    ["1.2.3", "1.2.4", "patch"],
    ["1.2.3", "1.3.0", "minor"],
    ["1.2.3", "2.0.0", "major"],
    ["v1.2.3", "v1.2.10", "patch"],
    ["0.3.1", "0.4.0", "major"],
    ["0.0.3", "0.0.4", "major"],
    ["2.0.0", "1.9.9", "unknown"],
    ["1.2.3", "1.2.3", "unknown"],
    ["abc", "1.0.0", "unknown"],
    ["1.0.0-rc.1", "1.0.0", "patch"],
    ["2024.1.0", "2024.2.0", "minor"],
  ])("%s → %s is %s", (a, b, c) => expect(classifyVersionChange(a, b)).toBe(c));
});

describe("judgeUpdatePull", () => {
  it("knows the bots by name, with or without [bot]", () => {
    expect(isKnownUpdateBot("dependabot")).toBe(true);
    expect(isKnownUpdateBot("renovate[bot]")).toBe(true);
    expect(isKnownUpdateBot("octocat")).toBe(false);
  });
  it("a Bot account with an update title is an update; a person with the same title is not", () => {
    const base = { title: "Bump lodash from 4.17.20 to 4.17.21", labels: [] };
    expect(judgeUpdatePull({ ...base, authorLogin: "my-update-app", authorType: "bot" }).isUpdate).toBe(true);
    expect(judgeUpdatePull({ ...base, authorLogin: "maya", authorType: "user" }).isUpdate).toBe(false);
  });
  it("a security label or [Security] makes it security", () => {
    expect(
      judgeUpdatePull({
        title: "Bump minimist from 1.2.5 to 1.2.6",
        labels: ["security"],
        authorLogin: "dependabot",
        authorType: "bot",
      }).updateClass,
    ).toBe("security");
    expect(
      judgeUpdatePull({
        title: "Update dependency ws to v8.17.1 [SECURITY]",
        labels: [],
        authorLogin: "renovate",
        authorType: "bot",
      }).updateClass,
    ).toBe("security");
  });
  it("a grouped PR takes its largest step from the body", () => {
    const body =
      "Bumps the npm group with 3 updates:\n\nUpdates `eslint` from 9.1.0 to 9.2.0\nUpdates `vitest` from 1.6.0 to 2.0.1\nUpdates `@types/node` from 20.1.0 to 20.1.2\n";
    const facts = judgeUpdatePull({
      title: "Bump the npm group with 3 updates",
      body,
      labels: [],
      authorLogin: "dependabot",
      authorType: "bot",
    });
    expect(facts.packages.map((p) => p.name)).toEqual(["eslint", "vitest", "@types/node"]);
    expect(facts.updateClass).toBe("major");
  });
  it("reads Renovate's change table", () => {
    const body =
      "| Package | Change | Age |\n|---|---|---|\n| [eslint](https://eslint.org) ([source](https://github.com/eslint/eslint)) | [`9.1.0` -> `9.2.0`](https://renovatebot.com/diffs/npm/eslint/9.1.0/9.2.0) | x |\n";
    const facts = judgeUpdatePull({
      title: "chore(deps): update dependency eslint to v9.2.0",
      body,
      labels: [],
      authorLogin: "renovate",
      authorType: "bot",
    });
    expect(facts.packages).toEqual([{ name: "eslint", from: "9.1.0", to: "9.2.0" }]);
    expect(facts.updateClass).toBe("minor");
  });
  it("a Renovate title without 'from' takes it from the body table", () => {
    const body = "| Package | Change |\n|---|---|\nUpdates `eslint` from 9.1.0 to 9.2.0";
    expect(
      judgeUpdatePull({
        title: "Update dependency eslint to v9.2.0",
        body,
        labels: [],
        authorLogin: "renovate",
        authorType: "bot",
      }).updateClass,
    ).toBe("minor");
  });
});
