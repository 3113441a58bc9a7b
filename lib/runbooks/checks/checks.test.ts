import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import { DEFAULT_TEAM_SCHEDULE } from "@/lib/team/schemas";
import { ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { importTestRunbook, testActor } from "@/lib/runbooks/testing";
import { evaluateCheck } from "./catalogue";
import { autoCompleteRuns } from "./auto-complete";

const now = new Date("2026-12-02T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

async function repo() {
  const name = uniqueName("repo");
  return db.githubRepository.create({ data: { owner: "acme", name, key: `acme/${name}`, lastSyncAt: hoursAgo(0.2) } });
}

let counter = 0;
async function item(
  repoId: string,
  data: { kind?: "issue" | "pull_request"; createdAt: Date; commentCount?: number; isDraft?: boolean; state?: string },
) {
  counter++;
  return db.githubItem.create({
    data: {
      id: randomUUID(),
      repoId,
      kind: data.kind ?? "issue",
      number: counter,
      title: "t",
      body: "",
      url: "https://github.com/x",
      state: data.state ?? "OPEN",
      authorType: "user",
      createdAt: data.createdAt,
      updatedAt: data.createdAt,
      commentCount: data.commentCount ?? 0,
      isDraft: data.isDraft ?? null,
    },
  });
}

async function target(states: Array<{ kpi: string; level: "ok" | "warning" | "critical"; lastValue: number }>) {
  const t = await db.healthTarget.create({
    data: { slug: uniqueName("t"), name: uniqueName("T"), kind: "push", config: {}, intervalSeconds: 60, phaseMs: 0 },
  });
  await db.healthState.createMany({ data: states.map((s) => ({ targetId: t.id, ...s })) });
  return t;
}

describe("checks on fixture data", () => {
  it("new issues/PRs in 24 h: 3 new, 2 without any response", async () => {
    const r = await repo();
    await item(r.id, { createdAt: hoursAgo(1) });
    await item(r.id, { createdAt: hoursAgo(23), kind: "pull_request" });
    await item(r.id, { createdAt: hoursAgo(5), commentCount: 2 });
    await item(r.id, { createdAt: hoursAgo(25) }); // older than 24 h
    const out = await evaluateCheck("github.new_items", { now, scope: { repoIds: [r.id] } });
    expect(out).toMatchObject({ status: "fail", value: 2, display: "3 new, 2 without label, comment or review" });
  });

  it("PRs waiting for review more than 3 days: drafts, reviewed and young PRs do not count", async () => {
    const r = await repo();
    await item(r.id, { kind: "pull_request", createdAt: hoursAgo(80) }); // counts
    await item(r.id, { kind: "pull_request", createdAt: hoursAgo(80), isDraft: true });
    await item(r.id, { kind: "pull_request", createdAt: hoursAgo(70) });
    const reviewed = await item(r.id, { kind: "pull_request", createdAt: hoursAgo(100) });
    await db.githubReview.create({
      data: {
        id: randomUUID(),
        itemId: reviewed.id,
        repoId: r.id,
        authorType: "user",
        state: "COMMENTED",
        body: "",
        url: "u",
        createdAt: hoursAgo(90),
        updatedAt: hoursAgo(90),
      },
    });
    expect(await evaluateCheck("github.prs_waiting_review", { now, scope: { repoIds: [r.id] } })).toMatchObject({
      status: "fail",
      value: 1,
    });
  });

  it("critical/high security alerts: 2 of 4 open alerts count", async () => {
    const r = await repo();
    const alert = (n: number, severity: string, state = "OPEN") => ({
      id: randomUUID(),
      repoId: r.id,
      number: n,
      state,
      severity,
      manifestPath: "package.json",
      createdAt: hoursAgo(10),
    });
    await db.githubSecurityAlert.createMany({
      data: [alert(1, "CRITICAL"), alert(2, "HIGH"), alert(3, "MODERATE"), alert(4, "HIGH", "FIXED")],
    });
    expect(await evaluateCheck("github.security_alerts", { now, scope: { repoIds: [r.id] } })).toMatchObject({
      status: "fail",
      value: 2,
    });
  });

  it("sync older than 1 h: a repository never synced counts; one synced 30 min ago does not", async () => {
    const [a, b] = [await repo(), await repo()];
    await db.githubSyncRun.create({
      data: { repoId: a.id, status: "succeeded", trigger: "test", startedAt: hoursAgo(0.6), finishedAt: hoursAgo(0.5) },
    });
    expect(await evaluateCheck("github.sync_stale", { now, scope: { repoIds: [a.id, b.id] } })).toMatchObject({
      status: "fail",
      value: 1,
    });
  });

  it("health: targets not OK, error rate above alert, breakers; no data is 'not connected', never a pass", async () => {
    const good = await target([
      { kpi: "error_rate_pct", level: "ok", lastValue: 0.05 },
      { kpi: "breaker_state", level: "ok", lastValue: 0 },
    ]);
    const bad = await target([
      { kpi: "error_rate_pct", level: "warning", lastValue: 2.5 },
      { kpi: "breaker_state", level: "critical", lastValue: 1 },
    ]);
    const scope = { targetIds: [good.id, bad.id] };
    expect(await evaluateCheck("health.targets_not_ok", { now, scope })).toMatchObject({ status: "fail", value: 1 });
    expect(await evaluateCheck("health.error_rate", { now, scope })).toMatchObject({
      status: "fail",
      value: 1,
      display: "1 of 2 above the alert level (worst 2.5%)",
    });
    expect(await evaluateCheck("health.breakers_open", { now, scope: { targetIds: [good.id] } })).toMatchObject({
      status: "pass",
      value: 0,
    });
    expect(await evaluateCheck("health.memory", { now, scope })).toMatchObject({
      status: "not_connected",
      value: null,
    });
    expect(await evaluateCheck("github.ci_failing", { now, scope: { repoIds: [] } })).toMatchObject({
      status: "not_connected",
    });
    const neverSynced = await db.githubRepository.create({
      data: { owner: "acme", name: uniqueName("new"), key: uniqueName("acme/new") },
    });
    expect(await evaluateCheck("github.security_alerts", { now, scope: { repoIds: [neverSynced.id] } })).toMatchObject({
      status: "not_connected",
      value: null,
    });
    expect(await evaluateCheck("triage.untriaged", { now, scope: { repoIds: [neverSynced.id] } })).toMatchObject({
      status: "not_connected",
    });
  });

  it("triage checks read getTriageCounts: an untriaged issue 3 days old counts, one from an hour ago does not", async () => {
    const r = await repo();
    await item(r.id, { createdAt: hoursAgo(72) });
    await item(r.id, { createdAt: hoursAgo(1) });
    expect(await evaluateCheck("triage.untriaged", { now, scope: { repoIds: [r.id] } })).toMatchObject({
      status: "fail",
      value: 1,
    });
    expect(await evaluateCheck("triage.p0_past_target", { now, scope: { repoIds: [r.id] } })).toMatchObject({
      status: "pass",
      value: 0,
    });
  });

  it("a bound item completes itself once its check passes, with time and value as evidence", async () => {
    const actor = await testActor();
    const r = await repo();
    const out = await importTestRunbook(actor, "# R\n\n## Daily\n\n- [ ] Check for security alerts\n- [ ] Think\n", {
      now: hoursAgo(2),
    });
    const sectionIds = (await db.runbookSection.findMany({ where: { runbookId: out.id } })).map((s) => s.id);
    await ensureDueRuns({ now, schedule: DEFAULT_TEAM_SCHEDULE, sectionIds });
    const run = await db.checklistRun.findFirstOrThrow({ where: { sectionId: { in: sectionIds } } });
    await db.githubSecurityAlert.create({
      data: {
        id: randomUUID(),
        repoId: r.id,
        number: 1,
        state: "OPEN",
        severity: "HIGH",
        manifestPath: "p",
        createdAt: hoursAgo(3),
      },
    });
    expect(await autoCompleteRuns({ now, scope: { repoIds: [r.id] }, runIds: [run.id] })).toEqual({
      runs: 1,
      completed: 0,
    });
    await db.githubSecurityAlert.updateMany({ where: { repoId: r.id }, data: { state: "FIXED", fixedAt: now } });
    const later = new Date(now.getTime() + 60_000);
    expect(await autoCompleteRuns({ now: later, scope: { repoIds: [r.id] }, runIds: [run.id] })).toEqual({
      runs: 1,
      completed: 1,
    });
    const [done] = await db.checklistCompletion.findMany({ where: { runId: run.id } });
    expect(done).toMatchObject({
      status: "done",
      source: "auto",
      at: later,
      checkId: "github.security_alerts",
      value: { status: "pass", value: 0, display: "0 open critical/high alerts" },
    });
  });
});
