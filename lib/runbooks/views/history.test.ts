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
    await run("a", "2031-10-19T22:30:00Z", "2031-10-19T22:00:00Z"); // Mon 20 Oct 00:30 CEST, on time
    await run("b", "2031-10-26T23:30:00Z", null); // Mon 27 Oct 00:30 CET, missed
    await run("c", "2031-10-26T22:30:00Z", "2031-10-27T08:00:00Z"); // Sun 26 Oct 23:30 CET, late
    const view = await getHistoryView("week", new Date("2031-10-29T12:00:00Z"), "Europe/Berlin");
    const pick = (label: string) => view.buckets.find((b) => b.label === label);
    expect(view.timeZone).toBe("Europe/Berlin");
    expect(pick("w/c 10-13")).toMatchObject({ onTime: 0, late: 0, missed: 0 });
    expect(pick("w/c 10-20")).toMatchObject({ onTime: 1, late: 1, missed: 0 });
    expect(pick("w/c 10-27")).toMatchObject({ onTime: 0, late: 0, missed: 1 });
    const utc = await getHistoryView("week", new Date("2031-10-29T12:00:00Z"), "UTC");
    expect(utc.buckets.find((b) => b.label === "w/c 10-13")).toMatchObject({ onTime: 1 });
  });
});
