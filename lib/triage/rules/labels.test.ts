import { describe, expect, it } from "vitest";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { type LabelEvent, priorityHistory, resolvePriority, resolveStatuses, resolveType } from "./labels";

const at = (h: number) => new Date(Date.UTC(2026, 5, 1, h));

describe("labels → priority, type, status", () => {
  it("takes the highest priority, case-insensitively", () => {
    expect(resolvePriority(["bug", "P2", "priority-HIGH"], config)).toBe("P1");
    expect(resolvePriority(["Critical", "p3"], config)).toBe("P0");
    expect(resolvePriority(["priority-low"], config)).toBe("P3");
  });
  it("is untriaged (null) without a priority label", () => {
    expect(resolvePriority([], config)).toBeNull();
    expect(resolvePriority(["bug", "status-triage", "P4"], config)).toBeNull();
  });
  it("follows a per-repository mapping", () => {
    const custom = { ...config, priorityLabels: { P0: ["sev1"], P1: ["sev2"], P2: [], P3: [] } };
    expect(resolvePriority(["SEV1", "sev2"], custom)).toBe("P0");
    expect(resolvePriority(["P0"], custom)).toBeNull();
  });
  it("recognises type and status labels", () => {
    expect(resolveType(["P1", "Bug"], config)).toBe("bug");
    expect(resolveType(["documentation", "question"], config)).toBe("question");
    expect(resolveType(["P1"], config)).toBeNull();
    expect(resolveStatuses(["status-triage", "Status-Blocked", "bug"], config)).toEqual([
      "status-blocked",
      "status-triage",
    ]);
  });
});

describe("priority history from label events", () => {
  // bug, +P2 (null→P2), +P1 (→P1), +P3 (P1 holds), -P1 (→P2), -P2 (→P3): 4 changes, 5 priority-label events
  const events: LabelEvent[] = [
    { kind: "unlabeled", label: "P2", at: at(6) },
    { kind: "labeled", label: "bug", at: at(1) },
    { kind: "labeled", label: "P2", at: at(2) },
    { kind: "labeled", label: "priority-high", at: at(3) },
    { kind: "labeled", label: "P3", at: at(4) },
    { kind: "unlabeled", label: "PRIORITY-HIGH", at: at(5) },
  ];
  it("finds the first priority label and counts changes (input in any order)", () => {
    expect(priorityHistory(events, config)).toEqual({ firstPriorityAt: at(2), changes: 4, priorityLabelEvents: 5 });
  });
  it("has no first priority when only other labels were applied", () => {
    expect(priorityHistory([{ kind: "labeled", label: "bug", at: at(1) }], config)).toEqual({
      firstPriorityAt: null,
      changes: 0,
      priorityLabelEvents: 0,
    });
  });
});
