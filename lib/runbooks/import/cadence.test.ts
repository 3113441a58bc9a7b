import { describe, expect, it } from "vitest";
import { parseCadence } from "./cadence";

describe("parseCadence", () => {
  it.each([
    ["Daily", "heading", "FREQ=DAILY", false],
    ["Morning Check", "heading", "FREQ=DAILY", false],
    ["Monday: Planning", "heading", "FREQ=WEEKLY;BYDAY=MO", false],
    ["Every Monday", "time", "FREQ=WEEKLY;BYDAY=MO", false],
    ["Every 4 hours during business hours", "time", "FREQ=HOURLY;INTERVAL=4", true],
    ["Every 8 hours", "time", "FREQ=HOURLY;INTERVAL=8", false],
    ["First Monday of Month", "heading", "FREQ=MONTHLY;BYDAY=1MO", false],
    ["Last Friday of the month", "time", "FREQ=MONTHLY;BYDAY=-1FR", false],
    ["Monthly", "heading", "FREQ=MONTHLY", false],
    ["Quarterly", "heading", "FREQ=MONTHLY;INTERVAL=3", false],
    ["Every weekday", "time", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", false],
    ["Every other Friday", "time", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", false],
    ["Bi-weekly", "heading", "FREQ=WEEKLY;INTERVAL=2", false],
    ["Annually", "heading", "FREQ=YEARLY", false],
    ["Weekly Tasks", "heading", "FREQ=WEEKLY", false],
    ["Semi-annual profiling", "heading", "FREQ=MONTHLY;INTERVAL=6", false],
  ] as const)("%s → %s", (phrase, source, rrule, businessHoursOnly) => {
    expect(parseCadence(phrase, source)).toEqual({ rrule, onDemand: false, businessHoursOnly, text: phrase });
  });

  it.each(["Release Procedures", "Emergency Procedures", "When needed", "Patch Release (0.1.x)"])(
    "%s → on demand",
    (phrase) => {
      expect(parseCadence(phrase, "heading")).toEqual({
        rrule: null,
        onDemand: true,
        businessHoursOnly: false,
        text: phrase,
      });
    },
  );

  it("never guesses: unknown headings and Time: lines give no cadence", () => {
    expect(parseCadence("Common Tasks", "heading")).toBeNull();
    expect(parseCadence("Adding a New Contributor", "heading")).toBeNull();
    expect(parseCadence("whenever the moon is full", "time")).toBeNull();
  });

  it("a When: line that names an occasion is on demand", () => {
    expect(parseCadence("Bug fixes, minor updates", "when")).toMatchObject({ rrule: null, onDemand: true });
  });
});
