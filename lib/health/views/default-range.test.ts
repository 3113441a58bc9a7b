import { describe, expect, it } from "vitest";
import { defaultRangeFor } from "./default-range";

const now = new Date("2026-11-30T12:00:00Z");
describe("defaultRangeFor", () => {
  it("fits a new target's age, then stays at 24 hours", () => {
    expect(defaultRangeFor("2026-11-30T11:50:00Z", now)).toBe("1h");
    expect(defaultRangeFor("2026-11-30T11:00:00Z", now)).toBe("1h");
    expect(defaultRangeFor("2026-11-30T10:59:00Z", now)).toBe("24h");
    expect(defaultRangeFor("2026-11-30T05:00:00Z", now)).toBe("24h");
    expect(defaultRangeFor("2026-01-01T00:00:00Z", now)).toBe("24h");
  });
});
