import { describe, expect, it } from "vitest";
import { uuid7 } from "./uuid7";

describe("uuid7", () => {
  it("is a version 7, variant 1 UUID whose first 48 bits are the milliseconds", () => {
    const at = Date.UTC(2026, 11, 1, 1, 2, 3, 456);
    const id = uuid7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts in the order made, within one millisecond and across them (also if the clock steps back)", () => {
    const at = Date.UTC(2027, 0, 1);
    const ids = [
      ...Array.from({ length: 1000 }, () => uuid7(at)),
      uuid7(at + 1),
      uuid7(at), // a clock that steps back still sorts after what came before
      ...Array.from({ length: 10 }, (_, i) => uuid7(at + 2 + i)),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
