// The start/hourly job (lib/jobs/definitions.ts "triage-outcomes") rebuilds only repositories whose
// stored outcomes follow other settings or none, so the first reader after an upgrade does not wait.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RECURRING_JOBS } from "@/lib/jobs/definitions";
import { rebuildAllTriageOutcomes } from "./outcomes";
import { DEFAULT_TRIAGE_CONFIG } from "./schemas";
import { saveTriageConfig } from "./settings";
import { createTriageItems, createTriageRepo } from "./testing";

const at = new Date("2026-03-10T12:00:00.000Z");
const stored = (repoId: string) => db.triageOutcome.count({ where: { repoId } });

describe("rebuildAllTriageOutcomes", () => {
  it("rebuilds a repository without outcomes, then nothing until its settings change", async () => {
    const repo = await createTriageRepo();
    const untouched = await createTriageRepo();
    await createTriageItems(repo.id, [
      { number: 1, createdAt: at },
      { number: 2, createdAt: at, labels: ["P1"] },
      { number: 3, kind: "pull_request", createdAt: at },
    ]);
    await createTriageItems(untouched.id, [{ number: 1, createdAt: at }]);
    expect(await db.triageOutcomeKey.count({ where: { repoId: repo.id } })).toBe(0);

    expect(await rebuildAllTriageOutcomes([repo.id])).toBe(1);
    expect(await stored(repo.id)).toBe(3);
    expect(await db.triageOutcomeKey.count({ where: { repoId: repo.id } })).toBe(1);
    expect(await db.triageOutcomeKey.count({ where: { repoId: untouched.id } })).toBe(0);
    expect(await rebuildAllTriageOutcomes([repo.id])).toBe(0);

    const config = { ...DEFAULT_TRIAGE_CONFIG, targets: { ...DEFAULT_TRIAGE_CONFIG.targets, P1: 7200 } };
    await saveTriageConfig({ actor: { id: null, username: "test", ip: "127.0.0.1" } }, { repoId: repo.id, config });
    expect(await rebuildAllTriageOutcomes([repo.id])).toBe(1);
    const p1 = await db.triageOutcome.findFirst({ where: { repoId: repo.id, number: 2 } });
    expect(p1?.targetSeconds).toBe(7200);
  });

  it("runs when a worker starts", () => {
    const job = RECURRING_JOBS.find((j) => j.name === "triage-outcomes");
    expect(job?.runOnStart).toBe(true);
  });
});
