import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { uniqueName } from "@/lib/testing/factories";
import { importTestRunbook, testActor } from "@/lib/runbooks/testing";
import { autoCompleteRuns } from "@/lib/runbooks/checks/auto-complete";
import { sameVersion } from "@/lib/runbooks/checks/version-checks";
import { loadRuns } from "@/lib/runbooks/views/runs";
import { startProcedureRun } from "./procedure-runs";
import { startIncidentProcedure, startReleaseProcedure } from "./linked-procedures";
import { signOffRun, tickItem, undoTick } from "./runs";

const now = new Date("2026-12-02T12:00:00Z");
const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
const RELEASE_MD =
  "# Release book\n\n## Release Procedures\n\n### Patch Release\n\n- [ ] Update CHANGELOG.md\n- [ ] Run full test suite\n- [ ] Tag release\n- [ ] Create GitHub Release\n";

async function repo() {
  const name = uniqueName("repo");
  return db.githubRepository.create({ data: { owner: "acme", name, key: `acme/${name}`, lastSyncAt: at(-1) } });
}

async function releaseRun(version: string | null) {
  const actor = await testActor();
  const r = await repo();
  const book = await importTestRunbook(actor, RELEASE_MD, { now: at(-2), activate: false });
  const section = await db.runbookSection.findFirstOrThrow({
    where: { runbookId: book.id, onDemand: true },
    include: { items: { orderBy: { position: "asc" } } },
  });
  const { run } = await startProcedureRun({ actor, now: at(-1) }, section.id, {
    label: `Patch release ${version}`,
    version,
    repoId: r.id,
  });
  const item = (text: string) => section.items.find((i) => i.text.includes(text))!;
  return { actor, r, run, section, item };
}

const tag = (repoId: string, name: string, commitOid: string) =>
  db.githubTag.create({ data: { repoId, name, commitOid, annotated: false, commitDate: at(0) } });
const release = (repoId: string, tagName: string, commitOid: string, isDraft = false) =>
  db.githubRelease.create({
    data: {
      id: randomUUID(),
      repoId,
      tagName,
      isDraft,
      isPrerelease: false,
      isLatest: true,
      tagCommitOid: commitOid,
      url: `https://github.com/acme/x/releases/tag/${tagName}`,
      createdAt: at(0),
      publishedAt: isDraft ? null : at(0),
      updatedAt: at(0),
    },
  });
const completed = async (runId: string) =>
  (
    await db.checklistCompletion.findMany({
      where: { runId, undoneAt: null },
      include: { item: { select: { text: true } } },
    })
  )
    .map((c) => `${c.item.text}:${c.source}`)
    .sort();

describe("procedure runs for a release version", () => {
  it("compares versions with semver, tolerant of a v prefix", () => {
    expect(sameVersion("v1.2.3", "1.2.3")).toBe(true);
    expect(sameVersion("1.2.3", "v1.2.3")).toBe(true);
    expect(sameVersion("v1.2.30", "1.2.3")).toBe(false);
    expect(sameVersion("v1.2.3-rc.1", "1.2.3")).toBe(false);
    expect(sameVersion("v1.2.4", "1.2.3")).toBe(false);
  });

  it("another version's tag, draft or release never ticks a step; the run's own version does, with evidence", async () => {
    const { r, run } = await releaseRun("0.4.2");
    await tag(r.id, "v0.4.1", "aaa1111");
    await tag(r.id, "v0.4.20", "bbb2222");
    await release(r.id, "v0.4.1", "aaa1111");
    await release(r.id, "v0.4.2", "ccc3333", true); // a draft of the right version
    await db.githubCommit.create({
      data: {
        repoId: r.id,
        oid: "aaa1111",
        committedDate: at(0),
        messageHeadline: "m",
        url: "https://github.com/c",
        checkState: "SUCCESS",
      },
    });
    expect(await autoCompleteRuns({ now: at(1), runIds: [run.id] })).toEqual({ runs: 1, completed: 0 });

    await tag(r.id, "v0.4.2", "ccc3333");
    expect(await autoCompleteRuns({ now: at(2), runIds: [run.id] })).toEqual({ runs: 1, completed: 1 });
    expect(await completed(run.id)).toEqual(["Tag release:auto"]);

    await db.githubRelease.updateMany({
      where: { repoId: r.id, tagName: "v0.4.2" },
      data: { isDraft: false, publishedAt: at(2) },
    });
    await db.githubCommit.create({
      data: {
        repoId: r.id,
        oid: "ccc3333",
        committedDate: at(0),
        messageHeadline: "m",
        url: "https://github.com/c",
        checkState: "SUCCESS",
      },
    });
    expect(await autoCompleteRuns({ now: at(3), runIds: [run.id] })).toEqual({ runs: 1, completed: 2 });
    const evidence = await db.checklistCompletion.findMany({ where: { runId: run.id }, orderBy: { checkId: "asc" } });
    expect(evidence.map((c) => [c.checkId, (c.value as { display: string }).display])).toEqual([
      ["github.commit_ci_green", "CI green on ccc3333 (tag 0.4.2)"],
      ["github.release_published", "release v0.4.2 is published"],
      ["github.tag_appeared", "tag v0.4.2 exists"],
    ]);
  });

  it("a run without a version shows its observed steps as not connected and never ticks them", async () => {
    const { r, run } = await releaseRun(null);
    await tag(r.id, "v9.9.9", "ddd4444");
    expect(await autoCompleteRuns({ now: at(1), runIds: [run.id] })).toEqual({ runs: 1, completed: 0 });
    const [view] = await loadRuns({ id: run.id }, at(1));
    expect(view!.items.find((i) => i.text === "Tag release")!.live).toMatchObject({ status: "not_connected" });
  });

  it("starting the same release twice gives one run; the release page's start names the class", async () => {
    const actor = await testActor();
    const r = await repo();
    await importTestRunbook(actor, RELEASE_MD, { now: at(-2), activate: false });
    await release(r.id, "v1.4.0", "eee5555");
    const [a, b] = await Promise.all([
      startReleaseProcedure({ actor, now: at(0) }, { repo: r.key, version: "v1.5.0" }),
      startReleaseProcedure({ actor, now: at(0) }, { repo: r.key, version: "1.5.0" }),
    ]);
    expect(a.run.id).toBe(b.run.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.run).toMatchObject({ repoId: r.id, label: `Minor release v1.5.0 · ${r.key}` });
    await expect(startReleaseProcedure({ actor }, { repo: r.key, version: "next" })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe("undo a tick", () => {
  it("un-ticks with an audit entry, keeps the undone row, and refuses after sign-off", async () => {
    const { actor, run, item } = await releaseRun("2.0.0");
    const changelog = item("CHANGELOG");
    await tickItem({ actor, now: at(0) }, { runId: run.id, itemId: changelog.id }, { status: "done" });
    const undone = await undoTick({ actor, now: at(1) }, { runId: run.id, itemId: changelog.id });
    expect(undone).toMatchObject({ undoneAt: at(1), undoneByName: actor.username });
    expect(await completed(run.id)).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "checklist.item_undone", target: run.id } });
    expect(audit.detail).toMatchObject({ item: "Update CHANGELOG.md", was: "done", source: "manual" });
    // ticked again after the undo: a new live row, the undone one stays
    await tickItem({ actor, now: at(2) }, { runId: run.id, itemId: changelog.id }, { status: "done" });
    expect(await db.checklistCompletion.count({ where: { runId: run.id, itemId: changelog.id } })).toBe(2);
    await expect(undoTick({ actor }, { runId: run.id, itemId: item("Tag").id })).rejects.toMatchObject({ status: 409 });
  });

  it("ten concurrent ticks record one; ten concurrent undos record one", async () => {
    const { actor, run, item } = await releaseRun("2.1.0");
    const id = item("CHANGELOG").id;
    const ticks = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        tickItem({ actor, now: at(0) }, { runId: run.id, itemId: id }, { status: "done" }),
      ),
    );
    expect(ticks.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    expect(ticks.filter((t) => t.status === "rejected" && (t.reason as ApiError).status === 409)).toHaveLength(9);
    const undos = await Promise.allSettled(
      Array.from({ length: 10 }, () => undoTick({ actor, now: at(1) }, { runId: run.id, itemId: id })),
    );
    expect(undos.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "checklist.item_undone", target: run.id } })).toBe(1);
  });

  it("an automatic tick a person undid is not re-ticked automatically in that run", async () => {
    const { actor, r, run, item } = await releaseRun("3.0.0");
    await tag(r.id, "v3.0.0", "fff6666");
    expect(await autoCompleteRuns({ now: at(1), runIds: [run.id] })).toMatchObject({ completed: 1 });
    await undoTick({ actor, now: at(2) }, { runId: run.id, itemId: item("Tag").id });
    expect(await autoCompleteRuns({ now: at(3), runIds: [run.id] })).toMatchObject({ completed: 0 });
    for (const text of ["CHANGELOG", "test suite", "Tag", "GitHub Release"])
      await tickItem({ actor, now: at(4) }, { runId: run.id, itemId: item(text).id }, { status: "skipped" });
    await signOffRun({ actor, now: at(5) }, run.id);
    await expect(undoTick({ actor }, { runId: run.id, itemId: item("Tag").id })).rejects.toMatchObject({ status: 409 });
  });
});

describe("incident emergency procedure", () => {
  it("starts the seed runbook's procedure for the incident type, once, linked both ways", async () => {
    const actor = await testActor();
    const incident = await db.incident.create({
      data: {
        title: uniqueName("API down"),
        typeKey: "outage",
        severity: "SEV1",
        startedAt: at(0),
        detectedAt: at(0),
        targetIds: [],
        repositories: [],
      },
    });
    const a = await startIncidentProcedure({ actor, now: at(1) }, incident.id);
    const [b, c] = await Promise.all([
      startIncidentProcedure({ actor, now: at(2) }, incident.id),
      startIncidentProcedure({ actor, now: at(2) }, incident.id),
    ]);
    expect([a.created, b.created, c.created]).toEqual([true, false, false]);
    expect(new Set([a.run.id, b.run.id, c.run.id]).size).toBe(1);
    const run = await db.checklistRun.findUniqueOrThrow({
      where: { id: a.run.id },
      include: { section: { include: { items: { where: { removedAt: null } } } }, incident: true },
    });
    expect(run.section.title).toBe("System Outage Response");
    expect(run.section.items.length).toBeGreaterThan(5);
    expect(run.incident?.id).toBe(incident.id);
    const [view] = await loadRuns({ id: run.id }, at(1), { live: false });
    expect(view!.incident).toEqual({ id: incident.id, title: incident.title });
    const other = await db.incident.create({
      data: {
        title: "x",
        severity: "SEV3",
        startedAt: at(0),
        detectedAt: at(0),
        typeKey: "other",
        targetIds: [],
        repositories: [],
      },
    });
    await expect(startIncidentProcedure({ actor }, other.id)).rejects.toMatchObject({ status: 409 });
  });
});
