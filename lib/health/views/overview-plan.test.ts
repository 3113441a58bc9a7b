// Which targets the overview draws as cards: all (small install), problems + collapsed groups
// (summary), or one page of a filter — hand-made fleets, no database.
import { describe, expect, it } from "vitest";
import { OverviewParams, overviewSearch, planOverview, type PlanTarget } from "./overview-plan";
import type { TargetStatus } from "./queries";

const t = (name: string, serviceGroup: string, status: TargetStatus): PlanTarget => ({
  id: name,
  name,
  serviceGroup,
  status,
});
const fleet = [
  t("api-1", "api", "ok"),
  t("api-2", "api", "critical"),
  t("api-3", "api", "ok"),
  t("db-1", "db", "warning"),
  t("db-2", "db", "ok"),
  t("web-1", "web", "ok"),
  t("web-2", "web", "disabled"),
  t("batch-1", "batch", "pending"),
];
const names = (p: { shown: PlanTarget[] }) => p.shown.map((x) => x.name);
const filter = (f: Partial<Parameters<typeof planOverview>[1]> = {}) => ({ page: 1, size: 50, ...f });

describe("planOverview", () => {
  it("shows every target when they fit one page: worst group first, problems first inside a group", () => {
    const plan = planOverview(fleet, filter());
    expect(plan.mode).toBe("all");
    expect(names(plan)).toEqual(["api-2", "api-1", "api-3", "db-1", "db-2", "batch-1", "web-1", "web-2"]);
    expect(plan.groups.map((g) => [g.name, g.status, g.total])).toEqual([
      ["api", "critical", 3],
      ["db", "warning", 2],
      ["batch", "pending", 1],
      ["web", "ok", 2],
    ]);
    expect(plan.groups[3]!.counts).toEqual({ critical: 0, warning: 0, pending: 0, ok: 1, disabled: 1 });
  });

  it("beyond one page shows only the targets with problems as cards, the groups as counts", () => {
    const plan = planOverview(fleet, filter({ size: 3 }));
    expect(plan.mode).toBe("summary");
    expect(names(plan)).toEqual(["api-2", "db-1"]);
    expect([plan.matched, plan.page, plan.pages]).toEqual([2, 1, 1]);
    expect(plan.groups).toHaveLength(4);
  });

  it("pages a filter: a state, a group, or both; a page past the end shows the last", () => {
    expect(names(planOverview(fleet, filter({ state: "ok" })))).toEqual(["api-1", "api-3", "db-2", "web-1"]);
    expect(names(planOverview(fleet, filter({ state: "problems" })))).toEqual(["api-2", "db-1"]);
    const page2 = planOverview(fleet, filter({ state: "ok", size: 3, page: 2 }));
    expect([page2.mode, page2.matched, page2.page, page2.pages]).toEqual(["list", 4, 2, 2]);
    expect(names(page2)).toEqual(["web-1"]);
    expect(names(planOverview(fleet, filter({ state: "ok", size: 3, page: 9 })))).toEqual(["web-1"]);
    expect(names(planOverview(fleet, filter({ group: "api" })))).toEqual(["api-2", "api-1", "api-3"]);
    expect(names(planOverview(fleet, filter({ group: "api", state: "ok" })))).toEqual(["api-1", "api-3"]);
    const none = planOverview(fleet, filter({ group: "nope" }));
    expect([none.shown.length, none.matched, none.page, none.pages]).toEqual([0, 0, 1, 1]);
  });
});

describe("overview URL", () => {
  it("parses the page's query string and writes it back without defaults", () => {
    const f = OverviewParams.parse({ state: "ok", group: "api", page: "3" });
    expect(f).toEqual({ state: "ok", group: "api", page: 3, size: 50 });
    expect(overviewSearch(f)).toBe("state=ok&group=api&page=3");
    expect(overviewSearch(OverviewParams.parse({}))).toBe("");
    expect(OverviewParams.safeParse({ page: "0" }).success).toBe(false);
    expect(OverviewParams.safeParse({ state: "sideways" }).success).toBe(false);
  });
});
