// Triage KPIs for June 2026 (UTC) from the triage feature's own evaluation, as of 20 July; and the
// stored outcomes read by the KPIs against evaluating every item's rules (the triage queue's path)
// on a generated repository, before and after settings, schedule and item changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { getTeamSchedule } from "@/lib/team/schedule";
import { evaluateRepos, listTriageRepos } from "@/lib/triage/queries";
import { DEFAULT_TRIAGE_CONFIG } from "@/lib/triage/schemas";
import { createTriageItems, createTriageRepo } from "@/lib/triage/testing";
import { generateItems } from "./facts/generate";
import { writeLateResponse } from "./fixtures";
import { computeTriage } from "./triage-kpis";
import type { KpiValues } from "./types";
import { monthWindow, quarterWindow, trailingMonths } from "./window";

// The team schedule is one row shared by the whole database, read by every triage evaluation: this file
// changes it in a database of its own, so test files running at the same time never see its changes.
withIsolatedDatabase();

/** The KPIs the old way: every item of the window evaluated by the triage rules as of `now`. */
async function evaluated(repoId: string, windows: ReturnType<typeof monthWindow>[], now: Date): Promise<KpiValues[]> {
  const repos = await listTriageRepos({ repositoryIds: [repoId] });
  const schedule = await getTeamSchedule();
  return Promise.all(
    windows.map(async (w) => {
      const rows = await evaluateRepos(repos, { createdSince: w.start, createdBefore: w.end }, now, schedule);
      const share = (rs: typeof rows) => {
        const decided = rs.filter((r) => r.state !== "within" && r.state !== "due_soon");
        const n = decided.filter((r) => r.state === "responded").length;
        return { value: decided.length ? n / decided.length : null, count: decided.length };
      };
      const out: KpiValues = { "triage.within_target": share(rows) };
      for (const p of ["P0", "P1", "P2", "P3"])
        out[`triage.within_target.${p}`] = share(rows.filter((r) => r.priority === p));
      return out;
    }),
  );
}

const t = (iso: string) => new Date(iso);
const H = 3_600_000;
const maint: [string, "user"] = ["maint", "user"];
const p = (label: string, at: Date) => ({ labels: [label], events: [{ at, kind: "labeled", label, actor: maint }] });

describe("triage KPIs", () => {
  it("share answered within target, overall and per priority, of items created in the window", async () => {
    const repo = await createTriageRepo();
    const c1 = t("2026-06-02T00:00:00Z");
    const c2 = t("2026-06-03T00:00:00Z");
    await createTriageItems(repo.id, [
      { number: 1, createdAt: c1, ...p("P0", c1), comments: [{ at: new Date(c1.getTime() + 2 * H), author: maint }] }, // within 24 h
      { number: 2, createdAt: c2, ...p("P0", c2), comments: [{ at: new Date(c2.getTime() + 48 * H), author: maint }] }, // late
      { number: 3, createdAt: t("2026-06-10T00:00:00Z"), ...p("P1", t("2026-06-10T00:00:00Z")) }, // breached by July
      { number: 4, createdAt: t("2026-07-19T00:00:00Z"), ...p("P1", t("2026-07-19T00:00:00Z")) }, // July: not in the window
    ]);
    const [june] = await computeTriage([repo.id], [monthWindow("2026-06", "UTC")], t("2026-07-20T00:00:00Z"));
    expect(june?.["triage.within_target"]).toEqual({ value: 1 / 3, count: 3 });
    expect(june?.["triage.within_target.P0"]).toEqual({ value: 0.5, count: 2 });
    expect(june?.["triage.within_target.P1"]).toEqual({ value: 0, count: 1 });
    expect(june?.["triage.within_target.P2"]).toEqual({ value: null, count: 0 });
    // The period before the one shown comes second (one range over both), and overlapping windows are each read alone.
    const now = t("2026-07-20T00:00:00Z");
    const [july, juneAgain] = await computeTriage(
      [repo.id],
      [monthWindow("2026-07", "UTC"), monthWindow("2026-06", "UTC")],
      now,
    );
    expect(juneAgain).toEqual(june);
    expect(july?.["triage.within_target.P1"]).toEqual({ value: null, count: 0 }); // #4 still inside its target
    const [q2, juneInQ2] = await computeTriage(
      [repo.id],
      [quarterWindow("2026-Q2", "UTC"), monthWindow("2026-06", "UTC")],
      now,
    );
    expect(q2).toEqual(june);
    expect(juneInQ2).toEqual(june);
  });
});

describe("stored triage outcomes", () => {
  it("give the rules' own numbers, after settings, schedule and item changes too", async () => {
    const repo = await createTriageRepo();
    const ids = await generateItems(repo.id, 300, 11);
    const months = trailingMonths("2026-06", 16).map((m) => monthWindow(m, "Europe/Berlin"));
    const check = async (now: Date) => {
      const stored = await computeTriage([repo.id], months, now);
      expect(stored).toEqual(await evaluated(repo.id, months, now));
      return stored.reduce((n, v) => n + (v["triage.within_target"]?.count ?? 0), 0);
    };
    // Rows inserted directly have no outcomes and no key yet: the first read builds them.
    expect(await check(new Date("2026-07-01T00:00:00Z"))).toBeGreaterThan(150);
    await check(new Date("2025-09-15T12:00:00Z")); // items still running then
    // Another repository configuration, written behind the metrics' back: the key differs, so it rebuilds.
    const config = {
      ...DEFAULT_TRIAGE_CONFIG,
      priorityLabels: { ...DEFAULT_TRIAGE_CONFIG.priorityLabels, P1: ["sev1"] },
      targets: { ...DEFAULT_TRIAGE_CONFIG.targets, P0: 3600, triage: 7200 },
    };
    await db.triageSettings.create({ data: { repoId: repo.id, config } });
    await check(new Date("2026-07-01T00:00:00Z"));
    // Business hours in the team's zone.
    await db.teamSettings.upsert({
      where: { id: 1 },
      create: { id: 1, timeZone: "Europe/Berlin", businessHours: true },
      update: { timeZone: "Europe/Berlin", businessHours: true },
    });
    await check(new Date("2026-07-01T00:00:00Z"));
    // A responder's comment written with the facts refresh, as the sync does.
    await writeLateResponse(ids[2]!);
    await check(new Date("2026-07-01T00:00:00Z"));
  }, 300_000); // generated items evaluated both ways five times: not bounded by 30 s on a loaded machine
});
