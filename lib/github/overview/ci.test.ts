import { describe, expect, it } from "vitest";
import { classifyCheck, deriveCiState, type RunInput, type SuiteInput } from "./ci";

const suite = (
  id: string,
  status: string,
  conclusion: string | null,
  workflowName: string | null = id,
): SuiteInput => ({ id, status, conclusion, workflowName, app: "github-actions" });
const run = (name: string, suiteId: string | null, status: string, conclusion: string | null): RunInput => ({
  name,
  suiteId,
  status,
  conclusion,
});

describe("classifyCheck", () => {
  it.each([
    ["COMPLETED", "SUCCESS", "success"],
    ["COMPLETED", "NEUTRAL", "success"],
    ["COMPLETED", "SKIPPED", "success"],
    ["COMPLETED", "FAILURE", "failure"],
    ["COMPLETED", "TIMED_OUT", "failure"],
    ["COMPLETED", "CANCELLED", "failure"],
    ["COMPLETED", "ACTION_REQUIRED", "failure"],
    ["COMPLETED", "STARTUP_FAILURE", "failure"],
    ["COMPLETED", "ERROR", "failure"], // legacy commit status
    ["COMPLETED", "PENDING", "pending"], // legacy commit status, stored as COMPLETED
    ["COMPLETED", "EXPECTED", "pending"],
    ["COMPLETED", "STALE", "pending"],
    ["IN_PROGRESS", null, "pending"],
    ["QUEUED", null, "pending"],
  ] as const)("%s / %s is %s", (status, conclusion, expected) => {
    expect(classifyCheck({ status, conclusion })).toBe(expected);
  });
});

describe("deriveCiState", () => {
  it("fails when one suite fails and lists only the failing run", () => {
    const ci = deriveCiState(
      [suite("CI", "COMPLETED", "FAILURE"), suite("Docs", "COMPLETED", "SUCCESS")],
      [
        run("test", "CI", "COMPLETED", "FAILURE"),
        run("build", "CI", "COMPLETED", "SUCCESS"),
        run("docs", "Docs", "COMPLETED", "SUCCESS"),
      ],
      "SUCCESS",
    );
    expect(ci).toEqual({
      state: "failure",
      source: "checks",
      checkCount: 3,
      failing: [{ name: "test", workflow: "CI", outcome: "failure", detail: "FAILURE" }],
      pending: [],
    });
  });

  it("is pending while a run is in progress, and failure wins over pending", () => {
    const pending = deriveCiState(
      [suite("CI", "IN_PROGRESS", null)],
      [run("lint", "CI", "COMPLETED", "SUCCESS"), run("e2e", "CI", "IN_PROGRESS", null)],
      null,
    );
    expect(pending.state).toBe("pending");
    expect(pending.pending.map((c) => [c.name, c.detail])).toEqual([["e2e", "IN_PROGRESS"]]);
    const both = deriveCiState(
      [],
      [run("ci/jenkins", null, "COMPLETED", "ERROR"), run("ci/other", null, "COMPLETED", "PENDING")],
      null,
    );
    expect(both).toMatchObject({ state: "failure", checkCount: 2 });
    expect(both.failing.map((c) => c.name)).toEqual(["ci/jenkins"]);
    expect(both.pending.map((c) => c.name)).toEqual(["ci/other"]);
  });

  it("is success only when every check passed", () => {
    const ci = deriveCiState(
      [suite("CI", "COMPLETED", "SUCCESS")],
      [
        run("a", "CI", "COMPLETED", "SUCCESS"),
        run("b", "CI", "COMPLETED", "SKIPPED"),
        run("c", null, "COMPLETED", "NEUTRAL"),
      ],
      "FAILURE",
    );
    expect(ci).toMatchObject({ state: "success", source: "checks", failing: [], pending: [] });
  });

  it("names a failing suite none of whose stored runs failed", () => {
    const ci = deriveCiState(
      [suite("Release", "COMPLETED", "CANCELLED")],
      [run("publish", "Release", "COMPLETED", "SUCCESS")],
      null,
    );
    expect(ci.state).toBe("failure");
    expect(ci.failing).toEqual([{ name: "Release", workflow: null, outcome: "failure", detail: "CANCELLED" }]);
  });

  it("ignores a superseded suite that has no stored run any more", () => {
    const ci = deriveCiState(
      [suite("Old", "COMPLETED", "FAILURE"), suite("CI", "COMPLETED", "SUCCESS")],
      [run("test", "CI", "COMPLETED", "SUCCESS")],
      null,
    );
    expect(ci.state).toBe("success");
  });

  it("falls back to the commit's rollup state, then to none", () => {
    expect(deriveCiState([], [], "FAILURE")).toMatchObject({ state: "failure", source: "rollup", checkCount: 0 });
    expect(deriveCiState([], [], "EXPECTED")).toMatchObject({ state: "pending", source: "rollup" });
    expect(deriveCiState([], [], "SUCCESS")).toMatchObject({ state: "success", source: "rollup" });
    expect(deriveCiState([suite("Old", "COMPLETED", "FAILURE")], [], "SUCCESS")).toMatchObject({
      state: "success",
      source: "rollup",
    });
    expect(deriveCiState([], [], null)).toEqual({
      state: "none",
      source: "none",
      checkCount: 0,
      failing: [],
      pending: [],
    });
  });
});
