import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPageTemplates } from "@/e2e/support/routes";
import { createTestHealthTarget, uniqueName } from "@/lib/testing/factories";
import { hasMalformedId, recordExists, RECORD_PAGES, requiredPageRole, UUID_PAGES } from "./page-access";

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

  it("knows how to look up the record of every [param] page in app/ (the catch-all aside)", () => {
    const withParams = listPageTemplates().filter((t) => t.includes("[") && !t.includes("[..."));
    expect(Object.keys(RECORD_PAGES).sort()).toEqual(withParams.sort());
  });
});

describe("record pages: does the record behind the address exist?", () => {
  it("finds existing records and misses well-formed ids that match nothing, on every record page", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const name = uniqueName("repo");
    const repo = await db.githubRepository.create({ data: { owner: "Acme", name, key: `acme/${name}` } });
    const incident = await db.incident.create({
      data: {
        title: "page access",
        typeKey: "outage",
        severity: "SEV3",
        startedAt: new Date(),
        detectedAt: new Date(),
      },
    });
    const existing: Record<string, string> = {
      "/health/[id]": `/health/${target.id}`,
      "/health/[id]/edit": `/health/${target.id}/edit/`,
      "/incidents/[id]": `/incidents/${incident.id}`,
      "/settings/repositories/[id]": `/settings/repositories/${repo.id}`,
      "/repositories/[owner]/[name]": `/repositories/ACME/${name.toUpperCase()}`, // GitHub names ignore case
    };
    expect(Object.keys(existing).sort()).toEqual(Object.keys(RECORD_PAGES).sort());
    for (const [template, path] of Object.entries(existing)) {
      expect(await recordExists(path), path).toBe(true);
      const missing = template
        .replace(/\[id\]/, randomUUID())
        .replace("[owner]", "acme")
        .replace("[name]", "nothing");
      expect(await recordExists(missing), missing).toBe(false);
    }
    // An id of another kind of record is no record of this kind.
    expect(await recordExists(`/incidents/${target.id}`)).toBe(false);
    expect(await recordExists(`/health/${incident.id}`)).toBe(false);
  });

  it("never looks up pages that show no single record, and counts undecodable or malformed ids as missing", async () => {
    for (const path of ["/incidents/history", "/incidents/maintenance", "/health/targets/new", "/health", "/today"])
      expect(await recordExists(path), path).toBe(true);
    expect(await recordExists("/repositories/acme/%E0%A4%A")).toBe(false);
    expect(await recordExists("/health/not-a-uuid")).toBe(false);
  });
});
