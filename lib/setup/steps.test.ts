import { describe, expect, it } from "vitest";
import { isSetUp, setupSteps } from "./steps";

describe("setupSteps", () => {
  it("ticks nothing on a fresh install", () => {
    const steps = setupSteps({ githubToken: false, repositories: 0, healthTargets: 0, activeUsers: 1, runbooks: 0 });
    expect(steps.map((s) => [s.id, s.done])).toEqual([
      ["github", false],
      ["health", false],
      ["team", false],
      ["runbook", false],
    ]);
    expect(isSetUp(steps)).toBe(false);
  });
  it("needs both a token and a repository for GitHub", () => {
    expect(
      setupSteps({ githubToken: true, repositories: 0, healthTargets: 0, activeUsers: 1, runbooks: 0 })[0],
    ).toMatchObject({ done: false, detail: "The token is set; add a repository to sync." });
    expect(
      setupSteps({ githubToken: false, repositories: 2, healthTargets: 0, activeUsers: 1, runbooks: 0 })[0]!.done,
    ).toBe(false);
  });
  it("is complete with a token, a repository, a target, a second account and a runbook", () => {
    const steps = setupSteps({ githubToken: true, repositories: 1, healthTargets: 3, activeUsers: 2, runbooks: 1 });
    expect(isSetUp(steps)).toBe(true);
    expect(steps[1]!.detail).toBe("3 targets checked.");
    expect(
      isSetUp(setupSteps({ githubToken: true, repositories: 1, healthTargets: 3, activeUsers: 2, runbooks: 0 })),
    ).toBe(false);
  });
});
