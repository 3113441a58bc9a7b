import { describe, expect, it } from "vitest";
import { auditSearch, AuditFilterParams, describeDetail } from "./filters";

describe("audit filters", () => {
  it("read what they can from the URL and drop the rest", () => {
    expect(
      AuditFilterParams.parse({
        action: "user.role_changed",
        user: "ada",
        from: "2026-11-01",
        to: "nope",
        before: "123",
      }),
    ).toEqual({ action: "user.role_changed", user: "ada", from: "2026-11-01", to: undefined, before: "123" });
    expect(AuditFilterParams.parse({ action: "DROP TABLE" })).toEqual({ action: undefined });
  });
  it("write links that keep the other filters", () => {
    expect(auditSearch({ action: "login", user: undefined, before: "99" }, { before: undefined })).toBe(
      "?action=login",
    );
    expect(auditSearch({})).toBe("");
  });
});

describe("describeDetail", () => {
  it("renders JSON detail as readable text", () => {
    expect(describeDetail({ from: "viewer", to: "admin" })).toBe("from: viewer · to: admin");
    expect(
      describeDetail({ repositoryKey: "acme/widgets", paused: true, scopes: ["repo", "read:org"], nested: { a: 1 } }),
    ).toBe("repository key: acme/widgets · paused: true · scopes: repo, read:org · nested: { a: 1 }");
    expect(describeDetail(null)).toBe("");
    expect(describeDetail("plain")).toBe("plain");
  });
});
