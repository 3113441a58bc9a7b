// Triage KPIs for June 2026 (UTC) from the triage feature's own evaluation, as of 20 July.
import { describe, expect, it } from "vitest";
import { createTriageItems, createTriageRepo } from "@/lib/triage/testing";
import { computeTriage } from "./triage-kpis";
import { monthWindow } from "./window";

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
  });
});
