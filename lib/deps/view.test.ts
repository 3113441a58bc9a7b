import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAlert, createDepsRepo, createPull } from "./test-factories";
import { getDependencyCounts } from "./view";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("getDependencyCounts (what the Today page binds to)", () => {
  it("counts overdue security, overdue patch/minor and open update PRs per repository", async () => {
    const a = await createDepsRepo();
    const b = await createDepsRepo();
    await createAlert(a.id, { number: 1, pkg: "minimist", severity: "HIGH", at: hoursAgo(25) }); // overdue (24 h)
    await createAlert(a.id, { number: 2, pkg: "qs", severity: "LOW", at: hoursAgo(5) }); // within
    await createPull(a.id, { number: 1, title: "Bump ws from 8.0.0 to 8.0.1", at: hoursAgo(30), labels: ["security"] }); // security PR, overdue
    await createPull(a.id, { number: 2, title: "Bump lodash from 4.17.20 to 4.17.21", at: hoursAgo(170) }); // patch, overdue (168 h)
    await createPull(a.id, { number: 3, title: "Bump zod from 4.1.0 to 4.2.0", at: hoursAgo(170) }); // minor, within (336 h)
    await createPull(a.id, { number: 4, title: "Bump react from 18.0.0 to 19.0.0", at: hoursAgo(9000) }); // major: never overdue
    await db.dependencyCheck.create({
      data: {
        repoId: a.id,
        manifestPath: "package.json",
        ecosystem: "npm",
        name: "chalk",
        section: "dependencies",
        spec: "5.0.0",
        current: "5.0.0",
        latest: "5.1.0",
        availableSince: hoursAgo(400),
        status: "outdated",
        updateClass: "minor",
        checkedAt: NOW,
      },
    }); // minor, overdue
    await createPull(b.id, { number: 1, title: "Bump lodash from 4.17.20 to 4.17.21", at: hoursAgo(1) });
    const counts = await getDependencyCounts({ now: NOW, repositoryIds: [a.id, b.id] });
    const byId = new Map(counts.map((c) => [c.repoId, c]));
    expect(byId.get(a.id)).toMatchObject({ overdueSecurity: 2, overduePatchMinor: 2, openUpdatePulls: 4 });
    expect(byId.get(b.id)).toMatchObject({ overdueSecurity: 0, overduePatchMinor: 0, openUpdatePulls: 1 });
  });
});
