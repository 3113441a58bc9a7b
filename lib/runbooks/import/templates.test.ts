import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { previewMarkdown } from "./index";
import { OPEN_SOURCE } from "./expected/open-source";
import { OPERATIONS_SUMMARY } from "./expected/operations-summary";
import { SERVICE } from "./expected/service";

const read = (name: string) => readFileSync(`lib/runbooks/templates/${name}.md`, "utf8");

function shape(markdown: string) {
  return previewMarkdown(markdown).sections.map((s) => [
    s.path.join(" › "),
    s.cadence.rrule,
    s.cadence.onDemand,
    s.cadence.businessHoursOnly,
    s.items.map((i) => `${i.parentKey ? ">" : ""}${i.kind}${i.checked ? " x" : ""}: ${i.text}`),
  ]);
}

describe("built-in templates import as they are", () => {
  it("open-source maintenance runbook: every section, item and cadence", () => {
    expect(shape(read("open-source-maintenance"))).toEqual(OPEN_SOURCE);
  });
  it("operations summary (mis-decoded UTF-8): every section, item and cadence", () => {
    expect(shape(read("operations-summary"))).toEqual(OPERATIONS_SUMMARY);
  });
  it("service maintenance runbook: every section, item and cadence", () => {
    expect(shape(read("service-maintenance"))).toEqual(SERVICE);
  });

  it("repairs the mojibake of the operations summary and says so", () => {
    const preview = previewMarkdown(read("operations-summary"));
    expect(preview.sections[0]?.path).toEqual(["✅ Quality Assurance Checklist", "Infrastructure ✅"]);
    expect(preview.warnings[0] ?? "").toMatch(/^Repaired \d+ characters of mis-decoded UTF-8/);
    expect(JSON.stringify(preview.sections)).not.toMatch(/âœ|ðŸ/);
  });

  it("titles, commands and suggested checks of the open-source template", () => {
    const preview = previewMarkdown(read("open-source-maintenance"));
    expect(preview.title).toBe("Maintenance Runbook");
    const morning = preview.sections[0]!;
    expect(morning.commands).toHaveLength(1);
    expect(morning.commands[0]?.lang).toBe("bash");
    expect(morning.items.map((i) => i.suggestedCheck)).toEqual([
      "github.new_items",
      "github.ci_failing",
      null,
      "triage.p0_past_target",
      "github.new_items",
      "github.security_alerts",
    ]);
    expect(morning.items[5]?.key).toBe("daily operations / morning check 5 minutes / check for security alerts");
    const patch = preview.sections.find((s) => s.title === "Patch Release (0.1.x)");
    expect(patch?.cadence).toMatchObject({ rrule: null, onDemand: true, text: "Bug fixes, minor updates" });
    expect(patch?.items.filter((i) => i.suggestedCheck).map((i) => [i.text, i.suggestedCheck])).toEqual([
      ["Run full test suite", "github.commit_ci_green"],
      ["Tag release", "github.tag_appeared"],
      ["Create GitHub Release", "github.release_published"],
    ]);
  });

  it("warns about each section without a recognised cadence and gives it none", () => {
    const preview = previewMarkdown(read("open-source-maintenance"));
    const unscheduled = preview.sections.filter((s) => !s.cadence.rrule && !s.cadence.onDemand).map((s) => s.title);
    expect(unscheduled).toEqual([
      "Adding a New Contributor",
      "Handling Stale Issues",
      "Updating Dependencies",
      "Code Review Checklist",
    ]);
    expect(preview.warnings).toHaveLength(4);
    expect(preview.warnings[0] ?? "").toContain("Common Tasks › Adding a New Contributor");
  });

  it("the 004 service runbook's suggested checks follow the issue's examples", () => {
    const health = previewMarkdown(read("service-maintenance")).sections[0]!;
    expect(health.items.find((i) => i.text === "Verify circuit breaker states")?.suggestedCheck).toBe(
      "health.breakers_open",
    );
    expect(health.items.find((i) => i.text === "Error rate < 1%")?.kind).toBe("criterion");
  });
});
