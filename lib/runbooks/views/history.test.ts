import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importTestRunbook, testActor } from "@/lib/runbooks/testing";
import { getHistoryView } from "./history";

// Weeks of 2031 (no other test makes runs then). Europe/Berlin leaves summer time on Sunday 2031-10-26.
describe("History view", () => {
  it("counts a run due Monday 00:30 local time in that week, not the UTC week before", async () => {
    const actor = await testActor();
    const out = await importTestRunbook(actor, "# H\n\n## Weekly Tasks\n\n- [ ] Plan\n", { activate: false });
    const section = await db.runbookSection.findFirstOrThrow({ where: { runbookId: out.id } });
    const run = (periodKey: string, dueAt: string, signedOffAt: string | null) =>
      db.checklistRun.create({
        data: {
          sectionId: section.id,
          periodKey,
          periodStart: new Date(new Date(dueAt).getTime() - 3_600_000),
          dueAt: new Date(dueAt),
          signedOffAt: signedOffAt ? new Date(signedOffAt) : null,
        },
      });
    // Counts are compared with a view taken before this test's rows, so a re-run on a kept database still holds.
    const at = new Date("2031-10-29T12:00:00Z");
    const before = await getHistoryView("week", at, "Europe/Berlin");
    const beforeUtc = await getHistoryView("week", at, "UTC");
    await run("a", "2031-10-19T22:30:00Z", "2031-10-19T22:00:00Z"); // Mon 20 Oct 00:30 CEST, on time
    await run("b", "2031-10-26T23:30:00Z", null); // Mon 27 Oct 00:30 CET, missed
    await run("c", "2031-10-26T22:30:00Z", "2031-10-27T08:00:00Z"); // Sun 26 Oct 23:30 CET, late
    const view = await getHistoryView("week", at, "Europe/Berlin");
    const delta = (v: typeof view, w: typeof view, label: string) => {
      const x = v.buckets.find((b) => b.label === label)!;
      const y = w.buckets.find((b) => b.label === label)!;
      return { onTime: x.onTime - y.onTime, late: x.late - y.late, missed: x.missed - y.missed };
    };
    expect(view.timeZone).toBe("Europe/Berlin");
    expect(delta(view, before, "w/c 10-13")).toEqual({ onTime: 0, late: 0, missed: 0 });
    expect(delta(view, before, "w/c 10-20")).toEqual({ onTime: 1, late: 1, missed: 0 });
    expect(delta(view, before, "w/c 10-27")).toEqual({ onTime: 0, late: 0, missed: 1 });
    const utc = await getHistoryView("week", at, "UTC");
    expect(delta(utc, beforeUtc, "w/c 10-13")).toEqual({ onTime: 1, late: 0, missed: 0 });
  });
});
