// Demo data for runbooks: the three built-in templates imported and activated five weeks ago, with a history of
// runs signed off on time or late by two maintainers, a few skipped with a reason, two overdue, and a release in progress.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/request";
import { importRunbook } from "@/lib/runbooks/store/save-import";
import { setRunbookActive } from "@/lib/runbooks/store/config";
import { ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { getTeamSchedule } from "@/lib/team/schedule";
import { startProcedureRun } from "@/lib/runbooks/store/procedure-runs";
import { startIncidentProcedure } from "@/lib/runbooks/store/linked-procedures";
import { tickItem, undoTick } from "@/lib/runbooks/store/runs";
import { updateSection } from "@/lib/runbooks/store/config";
import { TEMPLATE_IDS } from "@/lib/runbooks/schemas";
import { waitForDatabase } from "./wait-for-database";

const DAY = 86_400_000;
const PEOPLE = ["maya", "victor"];

/** Deterministic pseudo-random numbers, so every demo has the same believable history. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

export async function seedRunbooksDemo(now = new Date()): Promise<void> {
  if ((await db.runbook.count()) > 0) return; // the demo keeps its data between starts
  const actor: Actor = { id: null, username: "demo", ip: "127.0.0.1" };
  const start = new Date(now.getTime() - 35 * DAY);
  for (const template of TEMPLATE_IDS) {
    const out = await importRunbook({ actor, now: start }, { template, activate: false });
    await setRunbookActive({ actor, now: start }, out.id, true);
  }
  await ensureDueRuns({ now, schedule: await getTeamSchedule() });
  const rnd = random(7);
  const runs = await db.checklistRun.findMany({
    where: { dueAt: { lt: now } },
    include: { section: { include: { items: { where: { removedAt: null } } } } },
    orderBy: { dueAt: "asc" },
  });
  const completions = [];
  const signOffs = [];
  const skips: Array<{ id: string; at: Date; by: string }> = [];
  for (const run of runs) {
    const recent = now.getTime() - run.dueAt.getTime() < 1.5 * DAY;
    const roll = rnd();
    if (recent && roll < 0.5) continue; // left open: overdue on Today
    const who = PEOPLE[Math.floor(rnd() * PEOPLE.length)] ?? "maya";
    if (roll > 0.93) {
      skips.push({ id: run.id, at: new Date(run.dueAt.getTime() + 3_600_000), by: who });
      continue;
    }
    const late = roll > 0.8;
    const doneAt = new Date(run.dueAt.getTime() + (late ? 3 + rnd() * 20 : -(0.5 + rnd() * 6)) * 3_600_000);
    for (const item of run.section.items) {
      const auto = item.checkId !== null && rnd() < 0.7;
      completions.push({
        runId: run.id,
        itemId: item.id,
        status: "done",
        source: auto ? "auto" : "manual",
        byName: auto ? "steward" : who,
        at: new Date(doneAt.getTime() - rnd() * 3_600_000),
        checkId: auto ? item.checkId : null,
        value: auto ? { status: "pass", value: 0, display: "0 at the time of the check" } : undefined,
        evidenceUrl: auto ? "/repositories" : null,
      });
    }
    signOffs.push({
      runId: run.id,
      byName: who,
      at: doneAt,
      summary: { items: run.section.items.length, done: run.section.items.length, skipped: 0, automatic: 0 },
    });
  }
  await db.checklistCompletion.createMany({ data: completions, skipDuplicates: true });
  await db.checklistSignOff.createMany({ data: signOffs, skipDuplicates: true });
  for (const s of signOffs) await db.checklistRun.update({ where: { id: s.runId }, data: { signedOffAt: s.at } });
  for (const s of skips)
    await db.checklistRun.update({
      where: { id: s.id },
      data: { skippedAt: s.at, skippedBy: s.by, skipReason: "Conference day; covered in the next run." },
    });
  await seedProcedureRunsDemo(actor, now);
  console.log(
    `demo: runbooks imported with ${runs.length} past runs (${signOffs.length} signed off, ${skips.length} skipped)`,
  );
}

/** Called from scripts/demo.ts while steward starts: waits for the database and its migrations, then seeds. */
export async function seedRunbooksDemoWhenReady(): Promise<void> {
  await waitForDatabase((db) => db.runbook.count());
  await seedRunbooksDemo().catch((error: unknown) => console.error("demo: runbooks seed failed", error));
}

/** A release run for version 0.1.3 half done (one tick undone), and a section whose cadence a person edited. */
async function seedProcedureRunsDemo(actor: Actor, now: Date): Promise<void> {
  const maya = { ...actor, username: "maya" };
  const patch = await db.runbookSection.findFirst({
    where: { title: "Patch Release (0.1.x)" },
    include: { items: { where: { removedAt: null }, orderBy: { position: "asc" } } },
  });
  if (patch) {
    const repo = await db.githubRepository.findFirst({ where: { key: "acme/widgets" }, select: { id: true } });
    const { run } = await startProcedureRun({ actor: maya, now: new Date(now.getTime() - 2 * DAY) }, patch.id, {
      label: "Patch release v0.1.3 · acme/widgets",
      version: "0.1.3",
      repoId: repo?.id ?? null,
    });
    for (const [i, item] of patch.items.slice(0, 4).entries())
      await tickItem(
        { actor: maya, now: new Date(now.getTime() - (2 * DAY - (i + 1) * 3_600_000)) },
        { runId: run.id, itemId: item.id },
        { status: "done" },
      );
    const fourth = patch.items[3];
    if (fourth)
      await undoTick(
        { actor: { ...actor, username: "victor" }, now: new Date(now.getTime() - DAY) },
        { runId: run.id, itemId: fourth.id },
      );
  }
  const planning = await db.runbookSection.findFirst({ where: { title: "Monday: Planning (30 minutes)" } });
  if (planning) await updateSection({ actor: maya, now }, planning.id, { dueTime: "10:30" });
}

/** After the incidents demo: the open outage's emergency procedure as a checklist run, two steps ticked. */
export async function seedIncidentProcedureDemo(now = new Date()): Promise<void> {
  const incident = await db.incident.findFirst({
    where: { resolvedAt: null, typeKey: { in: ["outage", "security", "performance"] } },
    orderBy: { startedAt: "desc" },
  });
  if (!incident || (await db.checklistRun.count({ where: { incidentId: incident.id } })) > 0) return;
  const actor: Actor = { id: null, username: "victor", ip: "127.0.0.1" };
  const { run } = await startIncidentProcedure({ actor, now }, incident.id);
  const items = await db.runbookItem.findMany({
    where: { sectionId: run.sectionId, removedAt: null, parentKey: { not: null } },
    orderBy: { position: "asc" },
    take: 2,
  });
  for (const item of items) await tickItem({ actor, now }, { runId: run.id, itemId: item.id }, { status: "done" });
  console.log(`demo: incident "${incident.title}" has its emergency procedure as a checklist run`);
}
