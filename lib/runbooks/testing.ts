// Test helpers for runbooks: an actor and an imported, activated runbook with a unique name.
import { createTestUser, uniqueName } from "@/lib/testing/factories";
import type { Actor } from "@/lib/auth/request";
import { importRunbook } from "@/lib/runbooks/store/save-import";

export async function testActor(role: "maintainer" | "admin" = "maintainer"): Promise<Actor> {
  const user = await createTestUser({ role });
  return { id: user.id, username: user.username, ip: "127.0.0.1" };
}

export async function importTestRunbook(
  actor: Actor,
  markdown: string,
  options: { now?: Date; activate?: boolean } = {},
) {
  return importRunbook(
    { actor, now: options.now },
    { markdown, name: uniqueName("Runbook"), activate: options.activate ?? true },
  );
}
