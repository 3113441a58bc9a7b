// Changing an incident type's targets, label and procedure (admins); audited.
import { z } from "zod";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { IncidentContext } from "./context";
import { getIncidentTypes } from "./types";

export const IncidentTypeInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, "lower-case letters, digits and dashes"),
  label: z.string().trim().min(1).max(100),
  responseMinutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60),
  resolutionMinutes: z
    .int()
    .min(1)
    .max(365 * 24 * 60),
  procedure: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export type IncidentTypeInput = z.infer<typeof IncidentTypeInput>;

/** Creates or replaces a type (keyed by `key`). Defaults can be changed but come back if deleted, so there is no delete. */
export async function saveIncidentType(ctx: IncidentContext, input: IncidentTypeInput) {
  await getIncidentTypes();
  if (input.resolutionMinutes < input.responseMinutes)
    throw new ApiError(
      400,
      "validation_failed",
      "The resolution target must not be shorter than the response target.",
      { resolutionMinutes: ["shorter than the response target"] },
    );
  return db.$transaction(async (tx) => {
    const saved = await tx.incidentType.upsert({ where: { key: input.key }, create: input, update: input });
    await recordAudit(
      {
        action: "incident_type.saved",
        actorId: ctx.actor?.id,
        target: input.key,
        ip: ctx.actor?.ip,
        detail: { responseMinutes: input.responseMinutes, resolutionMinutes: input.resolutionMinutes },
      },
      tx,
    );
    return saved;
  });
}
