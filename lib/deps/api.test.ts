// Contract of GET /api/v1/dependencies and GET /api/v1/releases, through the route handlers.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDependencies } from "@/app/api/v1/dependencies/route";
import { GET as getReleases } from "@/app/api/v1/releases/route";
import { db } from "@/lib/db";
import { createTestApiToken } from "@/lib/testing/factories";
import { createAlert, createDepsRepo, createPull } from "./test-factories";

let token = "";
let key = "";
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const call = (handler: typeof getDependencies, path: string, auth: string | null = token) =>
  handler(
    new NextRequest(`http://localhost${path}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} }),
    undefined,
  );

beforeAll(async () => {
  token = (await createTestApiToken("viewer")).token;
  const repo = await createDepsRepo();
  key = repo.key;
  await createAlert(repo.id, { number: 1, pkg: "minimist", severity: "CRITICAL", at: daysAgo(3) });
  await createAlert(repo.id, {
    number: 2,
    pkg: "qs",
    severity: "LOW",
    at: daysAgo(9),
    state: "FIXED",
    fixedAt: daysAgo(8),
  });
  await createPull(repo.id, {
    number: 5,
    title: "Bump lodash from 4.17.20 to 4.17.21",
    at: daysAgo(10),
    checkState: "SUCCESS",
  });
  await createPull(repo.id, {
    number: 6,
    title: "Add charts",
    at: daysAgo(10),
    state: "MERGED",
    mergedAt: daysAgo(1),
    author: ["maya", "user"],
    labels: ["enhancement"],
  });
  await db.dependencyCheck.create({
    data: {
      repoId: repo.id,
      manifestPath: "package.json",
      ecosystem: "npm",
      name: "react",
      section: "dependencies",
      spec: "^18.2.0",
      current: "18.2.0",
      latest: "19.1.0",
      availableSince: daysAgo(100),
      status: "outdated",
      updateClass: "major",
      checkedAt: daysAgo(0),
    },
  });
  await db.dependencyCheck.create({
    data: {
      repoId: repo.id,
      manifestPath: "package.json",
      ecosystem: "npm",
      name: "zod",
      section: "dependencies",
      spec: "4.0.0",
      current: "4.0.0",
      latest: "4.0.1",
      availableSince: daysAgo(8),
      status: "outdated",
      updateClass: "patch",
      checkedAt: daysAgo(0),
    },
  });
  await db.dependencyCheck.create({
    data: {
      repoId: repo.id,
      manifestPath: "package.json",
      ecosystem: "npm",
      name: "left-pad",
      section: "dependencies",
      spec: "1.0.0",
      current: "1.0.0",
      status: "unknown",
      updateClass: "unknown",
      reason: "registry timed out",
      checkedAt: daysAgo(0),
    },
  });
  await db.dependencyCheck.create({
    data: {
      repoId: repo.id,
      manifestPath: "package.json",
      ecosystem: "npm",
      name: "semver",
      section: "dependencies",
      spec: "^7.0.0",
      current: "7.0.0",
      latest: "7.6.0",
      status: "up_to_date",
      updateClass: "unknown",
      checkedAt: daysAgo(0),
    },
  });
  for (const [tag, d] of [
    ["v1.0.0", 60],
    ["v1.1.0", 30],
    ["v1.2.0", 2],
  ] as const) {
    await db.githubRelease.create({
      data: {
        id: `RE_${randomUUID()}`,
        repoId: repo.id,
        tagName: tag,
        isDraft: tag === "v1.2.0",
        isPrerelease: false,
        isLatest: false,
        url: "u",
        createdAt: daysAgo(d),
        publishedAt: tag === "v1.2.0" ? null : daysAgo(d),
        updatedAt: daysAgo(d),
      },
    });
  }
});

describe("GET /api/v1/dependencies", () => {
  it("returns open alerts, update PRs and outdated dependencies with class, age, targetSeconds and sla", async () => {
    const res = await call(getDependencies, `/api/v1/dependencies?repo=${key}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["alerts", "updatePulls", "outdated"]));
    expect(body.alerts).toHaveLength(1); // open only
    expect(body.alerts[0]).toMatchObject({
      number: 1,
      packageName: "minimist",
      severity: "CRITICAL",
      class: "security",
      targetSeconds: 86_400,
      sla: "breached",
    });
    expect(body.updatePulls).toEqual([
      expect.objectContaining({
        number: 5,
        class: "patch",
        targetSeconds: 604_800,
        sla: "breached",
        ciState: "SUCCESS",
      }),
    ]);
    expect(
      body.outdated.map((o: { name: string; class: string; sla: string; targetSeconds: number | null }) => [
        o.name,
        o.class,
        o.sla,
        o.targetSeconds,
      ]),
    ).toEqual([
      ["zod", "patch", "breached", 604_800],
      ["left-pad", "unknown", "unknown", null],
      ["react", "major", "within", null],
    ]);
    for (const entry of [...body.alerts, ...body.updatePulls, ...body.outdated]) {
      expect(entry).toEqual(
        expect.objectContaining({
          ageSeconds: expect.any(Number),
          sla: expect.stringMatching(/^(within|due_soon|breached|unknown)$/),
        }),
      );
      expect("targetSeconds" in entry).toBe(true);
    }
  });
  it.each([
    ["no credentials", `/api/v1/dependencies?repo=a/b`, null, 401],
    ["no repo", `/api/v1/dependencies`, "token", 400],
    ["a malformed repo", `/api/v1/dependencies?repo=just-a-name`, "token", 400],
    ["an unknown repo", `/api/v1/dependencies?repo=nobody/nothing`, "token", 404],
  ])("%s → %s", async (_what, path, auth, status) => {
    const res = await call(getDependencies, path, auth ? token : null);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBeTruthy();
  });
});

describe("GET /api/v1/releases", () => {
  it("returns published releases newest first with their class (drafts excluded) and the unreleased PRs", async () => {
    const res = await call(getReleases, `/api/v1/releases?repo=${key.toUpperCase()}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.releases.map((r: { tagName: string; class: string }) => [r.tagName, r.class])).toEqual([
      ["v1.1.0", "minor"],
      ["v1.0.0", "major"],
    ]);
    expect(body.unreleased.map((p: { number: number; group: string }) => [p.number, p.group])).toEqual([
      [6, "enhancement"],
    ]);
    expect(body.changelogDraft).toContain("- Add charts (#6) by @maya");
  });
  it("refuses anonymous callers", async () => {
    expect((await call(getReleases, `/api/v1/releases?repo=${key}`, null)).status).toBe(401);
  });
});
