// Test helpers for incidents: actors and incidents with unique titles.
import { createTestUser, uniqueName } from "@/lib/testing/factories";
import type { Actor } from "@/lib/auth/request";
import { createIncident } from "./lifecycle/lifecycle";
import type { CreateIncidentInput } from "./schemas";

export async function testActor(role: "maintainer" | "admin" | "viewer" = "maintainer"): Promise<Actor> {
  const user = await createTestUser({ role });
  return { id: user.id, username: user.username, ip: "127.0.0.1" };
}

export async function testIncident(actor: Actor, input: Partial<CreateIncidentInput> = {}, now?: Date) {
  return createIncident(
    { actor, now },
    {
      title: uniqueName("Checkout down"),
      type: "outage",
      severity: "SEV1",
      targetIds: [],
      repositories: [],
      public: false,
      ...input,
    },
  );
}
