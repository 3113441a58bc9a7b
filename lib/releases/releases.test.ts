import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDepsRepo, createPull } from "@/lib/deps/test-factories";
import { computeCadence, DEFAULT_CADENCE, parseCadence } from "./cadence";
import { changelogDraft, groupOf } from "./changelog";
import { classifyReleases, suggestNextVersion } from "./classify";
import { renderMarkdown } from "./markdown";
import { getProcedure, getReleasesView } from "./queries";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe("release classes", () => {
  it("compares each version with the highest stable one below it, v prefix or not", () => {
    const out = classifyReleases([
      { version: "v0.1.0" },
      { version: "v0.1.1" },
      { version: "v0.2.0" },
      { version: "1.0.0" },
      { version: "v1.0.1" },
      { version: "v1.1.0-rc.1" },
      { version: "v1.1.0" },
      { version: "nightly" },
    ]);
    expect(out.map((r) => [r.version, r.class, r.previous])).toEqual([
      ["v0.1.0", "minor", null],
      ["v0.1.1", "patch", "v0.1.0"],
      ["v0.2.0", "minor", "v0.1.1"],
      ["1.0.0", "major", "v0.2.0"],
      ["v1.0.1", "patch", "1.0.0"],
      ["v1.1.0-rc.1", "prerelease", "v1.0.1"],
      ["v1.1.0", "minor", "v1.0.1"],
      ["nightly", "unknown", null],
    ]);
  });
  it("suggests the next version", () => {
    expect([
      suggestNextVersion("v1.4.2", "patch"),
      suggestNextVersion("1.4.2", "minor"),
      suggestNextVersion("v1.4.2", "major"),
      suggestNextVersion("v0.4.2", "major"),
      suggestNextVersion(null, "patch"),
    ]).toEqual(["v1.4.3", "1.5.0", "v2.0.0", "v0.5.0", null]);
  });
});

describe("cadence", () => {
  it("says plainly how long ago each class shipped against the O&M targets", () => {
    const lines = computeCadence(
      [
        { version: "v2.3.1", cls: "patch", at: daysAgo(12) },
        { version: "v2.3.0", cls: "minor", at: daysAgo(152) },
        { version: "v2.0.0", cls: "major", at: daysAgo(400) },
      ],
      DEFAULT_CADENCE,
      NOW,
    );
    expect(lines.map((l) => [l.cls, l.state, l.daysSince, l.text])).toEqual([
      ["patch", "as_needed", 12, "last patch 12 days ago (v2.3.1) — as needed"],
      ["minor", "due", 152, "last minor 4 months ago (v2.3.0) — target every 3–6 months"],
      ["major", "overdue", 400, "last major 13 months ago (v2.0.0) — target yearly"],
    ]);
  });
  it("a major release resets the minor clock; nothing released is 'none'", () => {
    const lines = computeCadence([{ version: "v3.0.0", cls: "major", at: daysAgo(10) }], DEFAULT_CADENCE, NOW);
    expect(lines.map((l) => l.state)).toEqual(["as_needed", "within", "within"]);
    expect(computeCadence([], DEFAULT_CADENCE, NOW).map((l) => l.state)).toEqual(["as_needed", "none", "none"]);
  });
  it("is configurable", () => {
    expect(parseCadence("minor=4w-8w,patch=30d")).toEqual({
      patch: { minDays: null, maxDays: 30 },
      minor: { minDays: 28, maxDays: 56 },
      major: { minDays: null, maxDays: 365 },
    });
    expect(() => parseCadence("minor=soon")).toThrow(/minor=soon/);
  });
});

describe("changelog draft", () => {
  it("groups by type label and keeps titles from becoming Markdown", () => {
    const at = daysAgo(1);
    const draft = changelogDraft("v1.5.0", "2026-03-10", [
      {
        number: 3,
        title: "Fix crash on empty <input>",
        url: "",
        authorLogin: "maya",
        mergedAt: at,
        labels: ["bug"],
        group: groupOf(["bug"], false),
      },
      {
        number: 4,
        title: "Add [charts](javascript:alert(1))",
        url: "",
        authorLogin: "victor",
        mergedAt: at,
        labels: ["enhancement"],
        group: groupOf(["enhancement"], false),
      },
      {
        number: 5,
        title: "Bump lodash from 4.17.20 to 4.17.21",
        url: "",
        authorLogin: "dependabot",
        mergedAt: at,
        labels: [],
        group: groupOf([], true),
      },
    ]);
    expect(draft).toBe(
      "## v1.5.0 — 2026-03-10\n\n### Features and enhancements\n\n- Add \\[charts\\](javascript:alert(1)) (#4) by @victor\n\n### Bug fixes\n\n- Fix crash on empty \\<input\\> (#3) by @maya\n\n### Dependencies\n\n- Bump lodash from 4.17.20 to 4.17.21 (#5) by @dependabot\n",
    );
  });
  it("falls back to conventional-commit prefixes when there is no type label", () => {
    expect(
      [
        "feat: Add charts",
        "fix(api): Handle 404",
        "docs: Typo",
        "🤖 fix: Export CSV",
        "feat!: Drop Node 18",
        "chore(deps): bump x",
        "Refactor sync",
      ].map((t) => groupOf([], false, t)),
    ).toEqual(["enhancement", "bug", "documentation", "bug", "breaking", "dependencies", "other"]);
    expect(groupOf(["documentation"], false, "feat: x")).toBe("documentation");
  });
  it("renders notes without scripts, raw HTML or javascript: links", () => {
    const html = renderMarkdown(
      "# Notes\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) **bold**\n\n- [x] done",
    );
    expect(html).toContain("<h1>Notes</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });
});

describe("releases view (database)", () => {
  it("history without drafts, unreleased PRs on the default branch, and procedure ticks", async () => {
    const repo = await createDepsRepo();
    const rel = (tag: string, d: number, extra: object = {}) =>
      db.githubRelease.create({
        data: {
          id: `RE_${randomUUID()}`,
          repoId: repo.id,
          tagName: tag,
          name: tag,
          isDraft: false,
          isPrerelease: false,
          isLatest: false,
          url: `https://github.com/o/r/releases/tag/${tag}`,
          createdAt: daysAgo(d),
          publishedAt: daysAgo(d),
          updatedAt: daysAgo(d),
          tagCommitOid: `oid-${tag}`,
          ...extra,
        },
      });
    await rel("v1.0.0", 200);
    await rel("v1.1.0", 100, { body: "## Highlights\n\n* Faster sync <img src=x onerror=alert(1)>" });
    await rel("v1.1.1", 20, { isLatest: true });
    await rel("v1.2.0", 1, { isDraft: true, publishedAt: null });
    await db.githubTag.create({
      data: {
        repoId: repo.id,
        name: "v1.1.1",
        commitOid: "oid-v1.1.1",
        annotated: true,
        message: "Release v1.1.1\n\n<script>x</script>",
      },
    });
    await db.githubCommit.create({
      data: {
        repoId: repo.id,
        oid: "oid-v1.1.1",
        committedDate: daysAgo(20),
        messageHeadline: "v1.1.1",
        url: "u",
        checkState: "SUCCESS",
      },
    });
    await createPull(repo.id, {
      number: 10,
      title: "Fix login redirect",
      at: daysAgo(30),
      state: "MERGED",
      mergedAt: daysAgo(25),
      author: ["maya", "user"],
      labels: ["bug"],
    });
    await createPull(repo.id, {
      number: 11,
      title: "Add export button",
      at: daysAgo(10),
      state: "MERGED",
      mergedAt: daysAgo(5),
      author: ["maya", "user"],
      labels: ["enhancement"],
    });
    await createPull(repo.id, {
      number: 12,
      title: "Bump zod from 4.1.0 to 4.1.1",
      at: daysAgo(4),
      state: "MERGED",
      mergedAt: daysAgo(3),
    });
    await createPull(repo.id, {
      number: 13,
      title: "Backport fix",
      at: daysAgo(4),
      state: "MERGED",
      mergedAt: daysAgo(3),
      author: ["maya", "user"],
      baseRef: "release/1.1",
    });
    await createPull(repo.id, { number: 14, title: "Still open", at: daysAgo(4), author: ["maya", "user"] });
    const view = await getReleasesView({ now: NOW }, { id: repo.id, defaultBranch: "main" });
    expect(view.releases.map((r) => [r.version, r.class])).toEqual([
      ["v1.1.1", "patch"],
      ["v1.1.0", "minor"],
      ["v1.0.0", "major"],
    ]);
    expect(view.releases.map((r) => [r.version, r.notesSource, r.body])).toEqual([
      ["v1.1.1", "tag", null],
      ["v1.1.0", "release", "## Highlights\n\n* Faster sync <img src=x onerror=alert(1)>"],
      ["v1.0.0", null, null],
    ]);
    expect(view.releases[0]!.notes).toContain("Release v1.1.1");
    expect(renderMarkdown(view.releases[1]!.notes!)).toBe("<h2>Highlights</h2>\n<ul>\n<li>Faster sync </li>\n</ul>");
    expect(view.unreleased.pulls.map((p) => [p.number, p.group])).toEqual([
      [11, "enhancement"],
      [12, "dependencies"],
    ]);
    expect(view.unreleased.suggestedVersion).toBe("v1.2.0");
    expect(view.unreleased.draft).toContain("### Features and enhancements\n\n- Add export button (#11) by @maya");
    expect(view.cadence.find((c) => c.cls === "minor")?.text).toBe(
      "last minor 3 months ago (v1.1.0) — target every 3–6 months",
    );

    const done = await getProcedure({ id: repo.id, defaultBranch: "main" }, "patch", "1.1.1");
    expect(done.filter((s) => s.observe).map((s) => [s.observe, s.done])).toEqual([
      ["ci", true],
      ["tag", true],
      ["release", true],
    ]);
    const next = await getProcedure({ id: repo.id, defaultBranch: "main" }, "minor", "v1.2.0");
    expect(next.filter((s) => s.observe).map((s) => [s.observe, s.done])).toEqual([
      ["ci", false],
      ["tag", false],
      ["release", false],
    ]);
    expect(next.length).toBe(13); // 11 patch steps, "Announce" replaced by the minor release's 3 extras
  });
});
