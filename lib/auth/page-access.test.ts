import { describe, expect, it } from "vitest";
import { listPageTemplates } from "@/e2e/support/routes";
import { hasMalformedId, requiredPageRole, UUID_PAGES } from "./page-access";

const UUID = "0190f1c2-3b4d-7e5f-8a6b-7c8d9e0f1a2b";

describe("page access before rendering", () => {
  it("404s a malformed id but never a static page beside an [id] folder", () => {
    expect(hasMalformedId("/incidents/not-a-uuid")).toBe(true);
    expect(hasMalformedId(`/incidents/${UUID}`)).toBe(false);
    expect(hasMalformedId("/health/not-a-uuid/edit")).toBe(true);
    // Every static page that sits where a UUID page's [id] is (e.g. /incidents/history) must stay reachable.
    const pages = listPageTemplates();
    for (const template of UUID_PAGES) {
      const depth = template.split("/").length;
      const prefix = template.split("[id]")[0]!;
      for (const page of pages.filter(
        (p) => p.startsWith(prefix) && p.split("/").length === depth && !p.includes("["),
      )) {
        expect(hasMalformedId(page), page).toBe(false);
      }
    }
  });

  it("names the role admin pages need", () => {
    expect(requiredPageRole("/settings/notifications")).toBe("admin");
    expect(requiredPageRole("/health/targets/new")).toBe("admin");
    expect(requiredPageRole(`/health/${UUID}`)).toBeNull();
  });
});
