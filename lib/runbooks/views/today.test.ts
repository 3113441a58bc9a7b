import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_TEAM_SCHEDULE } from "@/lib/team/schemas";
import { ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { importTestRunbook, testActor } from "@/lib/runbooks/testing";
import { tickItem } from "@/lib/runbooks/store/runs";
import { getTodayView, MORNING_CHECKS } from "./today";

describe("getTodayView", () => {
  it("lists today's run as due and the three missed ones as overdue, with progress, who ticked, and the morning check", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, "# R\n\n## Daily\n\n- [ ] Look\n- [ ] Check for security alerts\n", {
      now: new Date("2026-11-30T08:00:00Z"),
    });
    const section = await db.runbookSection.findFirstOrThrow({
      where: { runbookId: out.id },
      include: { items: { orderBy: { position: "asc" } } },
    });
    const now = new Date("2026-12-03T12:00:00Z");
    await ensureDueRuns({ now, schedule: DEFAULT_TEAM_SCHEDULE, sectionIds: [section.id] });
    const today = await db.checklistRun.findFirstOrThrow({ where: { sectionId: section.id, periodKey: "2026-12-03" } });
    await tickItem({ actor, now }, { runId: today.id, itemId: section.items[0]!.id }, { status: "done", note: "ok" });

    const view = await getTodayView(now);
    const mine = view.runs.filter((r) => r.sectionId === section.id);
    expect(mine.map((r) => [r.periodKey, r.status])).toEqual([
      ["2026-11-30", "overdue"],
      ["2026-12-01", "overdue"],
      ["2026-12-02", "overdue"],
      ["2026-12-03", "due"],
    ]);
    const current = mine[3]!;
    expect(current.progress).toEqual({ done: 1, total: 2 });
    expect(current.items[0]?.completion).toMatchObject({
      status: "done",
      source: "manual",
      byName: actor.username,
      note: "ok",
    });
    expect(current.items[1]?.live?.id).toBe("github.security_alerts");
    expect(view.week.find((u) => u.sectionId === section.id)).toMatchObject({
      dueAt: "2026-12-04T17:00:00.000Z",
      count: 6,
    }); // Dec 4–9: the seven days from today, today itself listed above
    expect(view.strip.map((s) => s.id)).toEqual(MORNING_CHECKS);
  });
});
