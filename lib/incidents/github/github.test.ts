// Incidents from GitHub against the real database: new P0 issues and security alerts open exactly one
// incident each however often the sync runs (also concurrently, also after it was resolved), only when
// the source is on and only for what is new; related items are linked by reference and by hand, and
// their state changes reach the timeline once.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { createTriageItems, createTriageRepo } from "@/lib/triage/testing";
import { resolveIncident } from "../lifecycle/lifecycle";
import { getIncident } from "../views/queries";
import { testActor, testIncident } from "../test-kit";
import { alertOriginKey, issueOriginKey, openIncidentsFromGithub } from "./auto-open";
import { linkRelatedItem, syncRelatedItems, unlinkRelatedItem } from "./related";
import { getAutoOpenConfig, saveAutoOpenConfig } from "./settings";
import type { AutoOpenInput } from "./settings-schema";

withIsolatedDatabase();

const T = (h: number) => new Date(Date.UTC(2026, 5, 1, h));
const ON: AutoOpenInput = {
  p0Issues: { enabled: true, type: "critical-bug", severity: "SEV2" },
  securityAlerts: { enabled: true, type: "security", severity: "SEV1", minSeverity: "CRITICAL" },
};
const bot = ["steward", "user"] as [string, "user"];

async function alert(repoId: string, number: number, severity: string, createdAt: Date) {
  return db.githubSecurityAlert.create({
    data: {
      id: `RVA_${randomUUID()}`,
      repoId,
      number,
      state: "OPEN",
      severity,
      packageName: "lodash",
      ecosystem: "NPM",
      manifestPath: "package.json",
      summary: "Prototype pollution",
      ghsaId: "GHSA-xxxx-yyyy-zzzz",
      createdAt,
    },
  });
}

describe("automatic opening from GitHub", () => {
  it("opens nothing while the sources are off (the default)", async () => {
    const repo = await createTriageRepo();
    await createTriageItems(repo.id, [{ number: 1, createdAt: T(12), labels: ["P0"] }]);
    await alert(repo.id, 1, "CRITICAL", T(12));
    expect((await getAutoOpenConfig()).p0Issues.enabled).toBe(false);
    expect((await openIncidentsFromGithub({ now: T(13) }, repo.id)).opened).toEqual([]);
  });

  it("opens one incident per new P0 issue, ever: repeated, concurrent and post-resolution syncs add none", async () => {
    const admin = await testActor("admin");
    const saved = await saveAutoOpenConfig({ actor: admin, now: T(10) }, ON);
    expect(saved.p0Issues.since).toBe(T(10).toISOString());
    const audit = await db.auditLog.findFirst({ where: { action: "incident_auto_open.updated", actorId: admin.id } });
    expect(audit?.detail).toMatchObject({ p0Issues: true, securityAlerts: true });
    // Saving again keeps the start: it only moves when a source is switched on again.
    expect((await saveAutoOpenConfig({ actor: admin, now: T(11) }, ON)).p0Issues.since).toBe(T(10).toISOString());

    const repo = await createTriageRepo();
    const ids = await createTriageItems(repo.id, [
      { number: 1, createdAt: T(12), labels: ["priority-critical", "bug"] }, // new P0 → opens
      { number: 2, createdAt: T(8), labels: ["P0"] }, // P0 before the source was on → no
      { number: 3, createdAt: T(8), labels: ["P0"], events: [{ at: T(14), kind: "labeled", label: "P0", actor: bot }] }, // labelled P0 later → opens
      { number: 4, createdAt: T(12), labels: ["P1"] }, // not P0 → no
      { number: 5, createdAt: T(12), labels: ["P0"], state: "CLOSED" }, // closed → no
    ]);
    await db.githubItem.updateMany({ where: { repoId: repo.id, number: 3 }, data: { updatedAt: T(14) } });

    const runs = await Promise.all(Array.from({ length: 8 }, () => openIncidentsFromGithub({ now: T(15) }, repo.id)));
    expect(runs.flatMap((r) => r.opened)).toHaveLength(2);
    const opened = await db.incident.findMany({
      where: { repositories: { has: repo.key } },
      orderBy: { startedAt: "asc" },
    });
    expect(opened.map((i) => i.originKey)).toEqual([
      issueOriginKey(ids.get(1) ?? ""),
      issueOriginKey(ids.get(3) ?? ""),
    ]);
    expect(opened[0]).toMatchObject({
      typeKey: "critical-bug",
      severity: "SEV2",
      title: "P0: Item 1",
      startedAt: T(12),
      detectedAt: T(15),
    });
    expect(opened[1]?.startedAt).toEqual(T(14)); // the moment it became P0

    const detail = await getIncident(opened[0]?.id ?? "");
    expect(detail.related).toMatchObject([{ repoKey: repo.key, number: 1, how: "origin", state: "OPEN" }]);
    expect(detail.timeline.find((e) => e.kind === "opened")).toMatchObject({ source: "github" });
    expect(await db.auditLog.count({ where: { action: "incident.auto_opened", target: opened[0]?.id } })).toBe(1);

    await resolveIncident({ actor: admin, now: T(16) }, opened[0]?.id ?? "", {});
    expect((await openIncidentsFromGithub({ now: T(17) }, repo.id)).opened).toEqual([]);
    expect(await db.incident.count({ where: { repositories: { has: repo.key } } })).toBe(2);
  });

  it("the database refuses a second incident with the same origin", async () => {
    const row = {
      title: "x",
      typeKey: "other",
      severity: "SEV3" as const,
      startedAt: T(1),
      detectedAt: T(1),
      originKey: `k-${randomUUID()}`,
    };
    await db.incident.create({ data: row });
    await expect(db.incident.create({ data: row })).rejects.toThrow();
  });

  it("opens one incident per new security alert at or above the configured severity", async () => {
    const admin = await testActor("admin");
    await saveAutoOpenConfig({ actor: admin, now: T(10) }, ON);
    const repo = await createTriageRepo();
    const critical = await alert(repo.id, 1, "CRITICAL", T(12));
    await alert(repo.id, 2, "HIGH", T(12));
    await alert(repo.id, 3, "CRITICAL", T(9)); // before the source was on
    await openIncidentsFromGithub({ now: T(13) }, repo.id);
    await openIncidentsFromGithub({ now: T(13) }, repo.id);
    const opened = await db.incident.findMany({ where: { repositories: { has: repo.key } } });
    expect(opened.map((i) => i.originKey)).toEqual([alertOriginKey(critical.id)]);
    expect(opened[0]).toMatchObject({ typeKey: "security", severity: "SEV1", startedAt: T(12) });
    expect(opened[0]?.title).toContain("CRITICAL security alert");

    await saveAutoOpenConfig(
      { actor: admin, now: T(14) },
      { ...ON, securityAlerts: { ...ON.securityAlerts, minSeverity: "HIGH" } },
    );
    expect((await openIncidentsFromGithub({ now: T(15) }, repo.id)).opened).toHaveLength(1);
    expect(await db.incident.count({ where: { repositories: { has: repo.key } } })).toBe(2);
  });

  it("refuses an unknown incident type in the settings", async () => {
    const admin = await testActor("admin");
    const error = await saveAutoOpenConfig(
      { actor: admin },
      { ...ON, p0Issues: { ...ON.p0Issues, type: "nope" } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
  });
});

describe("related issues and pull requests", () => {
  it("links items that reference an incident, once, and records their state changes once", async () => {
    const actor = await testActor();
    const incident = await testIncident(actor, {}, T(1));
    const other = await testIncident(actor, {}, T(1));
    const repo = await createTriageRepo();
    const ids = await createTriageItems(repo.id, [
      { number: 7, createdAt: T(2) },
      {
        number: 8,
        createdAt: T(2),
        kind: "pull_request",
        comments: [{ at: T(3), author: bot, body: `Fixes incident ${other.id.toUpperCase()}` }],
      },
      {
        number: 9,
        createdAt: T(2),
        comments: [{ at: T(3), author: bot, body: `uuid ${incident.id} without the word` }],
      },
    ]);
    await db.githubItem.update({
      where: { id: ids.get(7) },
      data: { body: `See https://steward.example/incidents/${incident.id} (postmortem)` },
    });

    expect(await syncRelatedItems({ now: T(4) }, repo.id)).toEqual({ linked: 2, stateChanges: 0 });
    expect(await syncRelatedItems({ now: T(4) }, repo.id)).toEqual({ linked: 0, stateChanges: 0 });
    const first = await getIncident(incident.id);
    expect(first.related).toMatchObject([{ number: 7, how: "reference", kind: "issue" }]);
    expect(first.timeline.filter((e) => e.kind === "related_linked")).toHaveLength(1);
    expect((await getIncident(other.id)).related).toMatchObject([{ number: 8, kind: "pull_request" }]);

    await db.githubItem.update({ where: { id: ids.get(7) }, data: { state: "CLOSED", closedAt: T(5) } });
    expect(await syncRelatedItems({ now: T(6) }, repo.id)).toEqual({ linked: 0, stateChanges: 1 });
    expect(await syncRelatedItems({ now: T(6) }, repo.id)).toEqual({ linked: 0, stateChanges: 0 });
    const closed = (await getIncident(incident.id)).timeline.find((e) => e.kind === "related_closed");
    expect(closed).toMatchObject({ source: "github", at: T(5).toISOString() });
    expect(closed?.body).toContain(`${repo.key}#7 closed`);
    expect(closed?.link).toBe("https://github.example/o/r/issues/7");
  });

  it("links by hand (owner/name#n or URL), refuses duplicates and unknown items, unlinks", async () => {
    const actor = await testActor();
    const incident = await testIncident(actor, {}, T(1));
    const repo = await createTriageRepo();
    await createTriageItems(repo.id, [{ number: 3, createdAt: T(2) }]);
    await linkRelatedItem({ actor, now: T(3) }, incident.id, `${repo.owner}/${repo.name}#3`);
    const dup = await linkRelatedItem(
      { actor },
      incident.id,
      `https://github.com/${repo.owner}/${repo.name}/issues/3`,
    ).catch((e: unknown) => e);
    expect((dup as ApiError).status).toBe(409);
    expect(
      (
        (await linkRelatedItem({ actor }, incident.id, `${repo.owner}/${repo.name}#99`).catch(
          (e: unknown) => e,
        )) as ApiError
      ).status,
    ).toBe(404);
    expect(
      ((await linkRelatedItem({ actor }, incident.id, "not a ref").catch((e: unknown) => e)) as ApiError).status,
    ).toBe(400);
    const detail = await getIncident(incident.id);
    expect(detail.related).toMatchObject([{ number: 3, how: "manual" }]);
    expect(detail.timeline.find((e) => e.kind === "related_linked")).toMatchObject({
      source: "person",
      actorName: actor.username,
    });
    expect(await db.auditLog.count({ where: { action: "incident.linked", target: incident.id } })).toBe(1);
    await unlinkRelatedItem({ actor }, incident.id, detail.related[0]?.id ?? "");
    expect((await getIncident(incident.id)).related).toEqual([]);
  });
});
