import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { DEFAULT_TEAM_SCHEDULE } from "@/lib/team/schemas";
import { ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { importTestRunbook, testActor } from "@/lib/runbooks/testing";
import { importRunbook } from "./save-import";
import { setRunbookActive, updateSection } from "./config";
import { signOffRun, skipRun, tickItem } from "./runs";

const MD =
  "# Ops\n\n## Daily checks\n\n- [ ] Look at the dashboard\n- [ ] Check for security alerts\n\n## Weekly Tasks\n\n- [ ] Plan\n";
const t0 = new Date("2026-11-30T08:00:00Z"); // a Monday

async function sectionsOf(runbookId: string) {
  return db.runbookSection.findMany({
    where: { runbookId },
    include: { items: { orderBy: { position: "asc" } } },
    orderBy: { position: "asc" },
  });
}

describe("runbook store", () => {
  it("imports sections and items with cadence and suggested checks, audited", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, MD, { now: t0 });
    expect(out).toMatchObject({ created: true, active: true, sections: 2, items: 3 });
    const [daily, weekly] = await sectionsOf(out.id);
    expect([daily?.rrule, weekly?.rrule]).toEqual(["FREQ=DAILY", "FREQ=WEEKLY"]);
    expect(daily?.items.map((i) => [i.key, i.checkId])).toEqual([
      ["daily checks / look at the dashboard", null],
      ["daily checks / check for security alerts", "github.security_alerts"],
    ]);
    expect(await db.auditLog.count({ where: { action: "runbook.imported", target: out.id } })).toBe(1);
  });

  it("keeps the due time and owner role chosen in the preview", async () => {
    const actor = await testActor();
    const out = await importRunbook(
      { actor, now: t0 },
      {
        markdown: MD,
        name: `Owners ${Date.now()}`,
        sections: [{ path: ["Weekly Tasks"], dueTime: "10:30", ownerRole: "admin" }],
      },
    );
    const [daily, weekly] = await sectionsOf(out.id);
    expect([daily?.dueTime, daily?.ownerRole]).toEqual(["17:00", "maintainer"]);
    expect([weekly?.dueTime, weekly?.ownerRole]).toEqual(["10:30", "admin"]);
  });

  it("re-import keeps unchanged items (same id, same completions) and marks removed ones", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, MD, { now: t0 });
    await ensureDueRuns({
      now: new Date("2026-11-30T10:00:00Z"),
      schedule: DEFAULT_TEAM_SCHEDULE,
      sectionIds: (await sectionsOf(out.id)).map((s) => s.id),
    });
    const daily = (await sectionsOf(out.id))[0]!;
    const run = await db.checklistRun.findFirstOrThrow({ where: { sectionId: daily.id } });
    await tickItem({ actor }, { runId: run.id, itemId: daily.items[0]!.id }, { status: "done", note: "all green" });
    const edited = MD.replace("- [ ] Check for security alerts\n", "- [ ] Review CI/CD status\n");
    const again = await importRunbook(
      { actor },
      {
        markdown: edited,
        name: (await db.runbook.findUniqueOrThrow({ where: { id: out.id } })).title,
        runbookId: out.id,
      },
    );
    expect(again).toMatchObject({ created: false, id: out.id });
    const items = await db.runbookItem.findMany({ where: { sectionId: daily.id }, orderBy: { position: "asc" } });
    const kept = items.find((i) => i.key === "daily checks / look at the dashboard");
    expect(kept?.id).toBe(daily.items[0]!.id);
    expect(await db.checklistCompletion.count({ where: { itemId: kept!.id } })).toBe(1);
    expect(items.find((i) => i.key.endsWith("check for security alerts"))?.removedAt).not.toBeNull();
    expect(items.find((i) => i.key.endsWith("review ci cd status"))).toMatchObject({
      removedAt: null,
      checkId: "github.ci_failing",
    });
  });

  it("a second import of the same name is a 409, not a duplicate", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, MD, { now: t0 });
    const title = (await db.runbook.findUniqueOrThrow({ where: { id: out.id } })).title;
    await expect(importRunbook({ actor }, { markdown: MD, name: title })).rejects.toMatchObject({ status: 409 });
  });

  it("ticks record who, when and a note; sign-off needs every item and happens once", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, MD, { now: t0 });
    const [daily] = await sectionsOf(out.id);
    await ensureDueRuns({
      now: new Date("2026-11-30T10:00:00Z"),
      schedule: DEFAULT_TEAM_SCHEDULE,
      sectionIds: [daily!.id],
    });
    const run = await db.checklistRun.findFirstOrThrow({ where: { sectionId: daily!.id } });
    const at = new Date("2026-11-30T10:05:00Z");
    const done = await tickItem(
      { actor, now: at },
      { runId: run.id, itemId: daily!.items[0]!.id },
      { status: "done", note: "fine" },
    );
    expect(done).toMatchObject({
      status: "done",
      source: "manual",
      byId: actor.id,
      byName: actor.username,
      at,
      note: "fine",
    });
    await expect(
      tickItem({ actor }, { runId: run.id, itemId: daily!.items[0]!.id }, { status: "done" }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(signOffRun({ actor }, run.id)).rejects.toMatchObject({
      status: 409,
      message: "1 item is neither done nor skipped.",
    });
    await tickItem(
      { actor },
      { runId: run.id, itemId: daily!.items[1]!.id },
      { status: "skipped", note: "no repo yet" },
    );
    const signOff = await signOffRun({ actor, now: at }, run.id, "ok");
    expect(signOff.summary).toEqual({ items: 2, done: 1, skipped: 1, automatic: 0 });
    await expect(signOffRun({ actor }, run.id)).rejects.toBeInstanceOf(ApiError);
    await expect(skipRun({ actor }, run.id, "too late")).rejects.toMatchObject({ status: 409 });
    expect(await db.auditLog.count({ where: { target: run.id } })).toBe(3);
  });

  it("pausing stops new runs; activating again does not back-fill the paused days", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, MD, { now: t0 });
    const ids = (await sectionsOf(out.id)).map((s) => s.id);
    await setRunbookActive({ actor, now: new Date("2026-11-30T12:00:00Z") }, out.id, false);
    expect(
      (await ensureDueRuns({ now: new Date("2026-12-03T12:00:00Z"), schedule: DEFAULT_TEAM_SCHEDULE, sectionIds: ids }))
        .created,
    ).toBe(0);
    await setRunbookActive({ actor, now: new Date("2026-12-03T12:00:00Z") }, out.id, true);
    await ensureDueRuns({ now: new Date("2026-12-03T12:00:00Z"), schedule: DEFAULT_TEAM_SCHEDULE, sectionIds: ids });
    const keys = (
      await db.checklistRun.findMany({ where: { sectionId: { in: ids } }, orderBy: { periodKey: "asc" } })
    ).map((r) => r.periodKey);
    expect(keys).toEqual(["2026-11-30", "2026-11-30", "2026-12-03"]); // daily + weekly at import; after resuming only Dec 3 (the weekly period exists already)
  });
});

describe("ensureDueRuns", () => {
  it("two workers ticking at once create each run once; missed periods are created as overdue", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, "# R\n\n## Daily\n\n- [ ] Do it\n", {
      now: new Date("2026-12-01T06:00:00Z"),
      activate: false,
    });
    const ids = (await sectionsOf(out.id)).map((s) => s.id);
    // Active since Dec 1 06:00, but no tick ran since (a scheduler that was down): the job must catch up.
    await db.runbook.update({ where: { id: out.id }, data: { active: true } });
    await db.runbookSection.updateMany({
      where: { id: { in: ids } },
      data: { scheduledFrom: new Date("2026-12-01T06:00:00Z") },
    });
    const now = new Date("2026-12-04T12:00:00Z");
    const [a, b] = await Promise.all([
      ensureDueRuns({ now, schedule: DEFAULT_TEAM_SCHEDULE, sectionIds: ids }),
      ensureDueRuns({ now, schedule: DEFAULT_TEAM_SCHEDULE, sectionIds: ids }),
    ]);
    expect(a.created + b.created).toBe(4);
    const runs = await db.checklistRun.findMany({ where: { sectionId: { in: ids } }, orderBy: { periodKey: "asc" } });
    expect(runs.map((r) => [r.periodKey, r.dueAt.toISOString()])).toEqual([
      ["2026-12-01", "2026-12-01T17:00:00.000Z"],
      ["2026-12-02", "2026-12-02T17:00:00.000Z"],
      ["2026-12-03", "2026-12-03T17:00:00.000Z"],
      ["2026-12-04", "2026-12-04T17:00:00.000Z"],
    ]);
    expect((await ensureDueRuns({ now, schedule: DEFAULT_TEAM_SCHEDULE, sectionIds: ids })).created).toBe(0);
  });
});

describe("re-import keeps a person's cadence edits", () => {
  it("keeps edited cadence and due time, lists what the markdown now says otherwise, and takes edits sent again", async () => {
    const actor = await testActor("admin");
    const out = await importTestRunbook(actor, MD, { now: t0 });
    const [daily, weekly] = await sectionsOf(out.id);
    await updateSection({ actor, now: t0 }, weekly!.id, { rrule: "FREQ=WEEKLY;BYDAY=TU", dueTime: "10:00" });
    await updateSection({ actor, now: t0 }, daily!.id, { businessHoursOnly: true });
    const again = await importRunbook(
      { actor, now: t0 },
      { markdown: MD.replace("- [ ] Plan", "- [ ] Plan the week"), runbookId: out.id },
    );
    const [d2, w2] = await sectionsOf(out.id);
    expect([w2!.rrule, w2!.dueTime, w2!.editedFields.sort()]).toEqual([
      "FREQ=WEEKLY;BYDAY=TU",
      "10:00",
      ["dueTime", "rrule"],
    ]);
    expect([d2!.rrule, d2!.businessHoursOnly]).toEqual(["FREQ=DAILY", true]);
    expect(again.kept).toEqual([
      { section: "Daily checks", field: "businessHoursOnly", yours: "true", imported: "false" },
      { section: "Weekly Tasks", field: "rrule", yours: "FREQ=WEEKLY;BYDAY=TU", imported: "FREQ=WEEKLY" },
    ]);
    // an edit sent with the re-import wins over the kept one
    const third = await importRunbook(
      { actor, now: t0 },
      { markdown: MD, runbookId: out.id, sections: [{ path: ["Weekly Tasks"], rrule: "FREQ=WEEKLY;BYDAY=FR" }] },
    );
    expect((await sectionsOf(out.id))[1]!.rrule).toBe("FREQ=WEEKLY;BYDAY=FR");
    expect(third.kept.map((k) => k.field)).toEqual(["businessHoursOnly"]);
  });
});
