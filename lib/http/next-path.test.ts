import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/http/next-path";

describe("safeNextPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNextPath("/health?range=7d")).toBe("/health?range=7d");
    expect(safeNextPath("/settings/users")).toBe("/settings/users");
  });

  it("keeps percent-encoded controls on this site (the browser does not decode them in a path)", () => {
    const path = safeNextPath("/%09/evil.example");
    expect(new URL(path, "http://us.example").origin).toBe("http://us.example");
    expect(path.startsWith("//")).toBe(false);
  });

  it.each([
    ["/\t/evil.example"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["/login\r\nSet-Cookie: x=1"],
    ["/today\n"],
    ["/\u0085x"],
    ["javascript:alert(1)"],
    [""],
    [undefined],
  ])("sends %j to the default page", (next) => {
    expect(safeNextPath(next)).toBe("/today");
  });
});
