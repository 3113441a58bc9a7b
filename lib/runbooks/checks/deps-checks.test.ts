import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAlert, createDepsRepo, createPull } from "@/lib/deps/test-factories";
import { evaluateCheck } from "./catalogue";
import { suggestCheck } from "@/lib/runbooks/import/suggest";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("deps.overdue_updates (the Dependencies page's counts)", () => {
  it("is not connected before the repository's first sync, then counts overdue security and patch/minor updates", async () => {
    const repo = await createDepsRepo();
    const scope = { repoIds: [repo.id] };
    expect(await evaluateCheck("deps.overdue_updates", { now: NOW, scope })).toMatchObject({
      status: "not_connected",
      value: null,
    });

    await db.githubRepository.update({ where: { id: repo.id }, data: { lastSyncAt: hoursAgo(1) } });
    expect(await evaluateCheck("deps.overdue_updates", { now: NOW, scope })).toMatchObject({
      status: "pass",
      value: 0,
    });

    await createAlert(repo.id, { number: 1, pkg: "minimist", severity: "HIGH", at: hoursAgo(25) }); // security, past 24 h
    await createAlert(repo.id, { number: 2, pkg: "qs", severity: "LOW", at: hoursAgo(5) }); // within 24 h
    await createPull(repo.id, { number: 1, title: "Bump lodash from 4.17.20 to 4.17.21", at: hoursAgo(170) }); // patch, past 168 h
    await createPull(repo.id, { number: 2, title: "Bump zod from 4.1.0 to 4.2.0", at: hoursAgo(170) }); // minor, within 336 h
    await createPull(repo.id, { number: 3, title: "Bump react from 18.0.0 to 19.0.0", at: hoursAgo(9000) }); // major: no target
    expect(await evaluateCheck("deps.overdue_updates", { now: NOW, scope })).toMatchObject({
      status: "fail",
      value: 2,
      display: "1 security, 1 patch/minor overdue",
    });
  });

  it("is suggested for the runbooks' dependency items", () => {
    expect(suggestCheck("Review dependency updates")).toBe("deps.overdue_updates");
    expect(suggestCheck("Check for dependency updates")).toBe("deps.overdue_updates");
  });
});
