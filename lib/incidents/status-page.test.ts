// The public status page: off by default, nothing internal leaks, and it is cached.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { addIncidentUpdate } from "./lifecycle/lifecycle";
import { CACHE_MS, getPublicStatus, updateStatusPageSettings } from "./status-page";
import { testActor, testIncident } from "./test-kit";

afterAll(async () => {
  await updateStatusPageSettings({ actor: null }, { enabled: false, title: "Service status", serviceGroups: [] });
});

describe("public status page", () => {
  it("is off by default (null → 404) and shows public incidents with public updates only when on", async () => {
    await db.statusPageSettings.deleteMany({});
    expect(await getPublicStatus(new Date(), { fresh: true })).toBeNull();

    const actor = await testActor();
    const group = `public-${Date.now()}`;
    const target = await createTestHealthTarget({
      kind: "http",
      serviceGroup: group,
      intervalSeconds: 30,
      check: { url: "http://internal-host.example:8080/secret-path", timeoutMs: 1000 },
    });
    const shown = await testIncident(actor, { public: true, title: "Checkout degraded", targetIds: [target.id] });
    await addIncidentUpdate({ actor }, shown.id, { message: "We are **on it**", kind: "update", public: true });
    await addIncidentUpdate({ actor }, shown.id, {
      message: "INTERNAL: db password rotated",
      kind: "note",
      public: false,
    });
    await addIncidentUpdate({ actor }, shown.id, {
      message: "INTERNAL update not public",
      kind: "update",
      public: false,
    });
    const hidden = await testIncident(actor, { public: false, title: "INTERNAL secret incident" });

    await updateStatusPageSettings({ actor }, { enabled: true, title: "Acme status", serviceGroups: [] });
    const status = (await getPublicStatus(new Date(), { fresh: true }))!;
    const json = JSON.stringify(status);
    expect(status.title).toBe("Acme status");
    const inc = status.incidents.find((i) => i.id === shown.id)!;
    expect(inc.updates.map((u) => u.html)).toEqual(["<p>We are <strong>on it</strong></p>"]);
    expect(status.incidents.map((i) => i.id)).not.toContain(hidden.id);
    expect(status.groups.map((g) => g.name)).toContain(group);
    expect(status.groups.find((g) => g.name === group)!.days).toHaveLength(90);
    for (const leak of [
      "INTERNAL",
      "internal-host",
      "secret-path",
      target.name,
      target.slug,
      actor.username!,
      "Test User",
    ])
      expect(json).not.toContain(leak);
  });

  it("serves bursts from a cache for CACHE_MS", async () => {
    await updateStatusPageSettings({ actor: null }, { enabled: true, title: "Cached", serviceGroups: [] });
    const t0 = new Date();
    const first = await getPublicStatus(t0);
    const burst = await Promise.all(Array.from({ length: 50 }, () => getPublicStatus(new Date(t0.getTime() + 1000))));
    expect(burst.every((s) => s === first)).toBe(true);
    await db.statusPageSettings.update({ where: { id: "default" }, data: { title: "Changed" } });
    expect((await getPublicStatus(new Date(t0.getTime() + CACHE_MS - 1)))!.title).toBe("Cached");
    expect((await getPublicStatus(new Date(t0.getTime() + CACHE_MS)))!.title).toBe("Changed");
  });
});
