// Reading and saving the automatic-opening settings (one row, id "default"); admin edits are audited.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { IncidentContext } from "../context";
import { nowOf } from "../context";
import { getIncidentType } from "../types";
import { AutoOpenInput, DEFAULT_AUTO_OPEN, type AutoOpenConfig } from "./settings-schema";

const ID = "default";
function since(value: unknown): string | null {
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** The stored settings; anything that no longer parses falls back to the defaults (sources off). */
export async function getAutoOpenConfig(): Promise<AutoOpenConfig> {
  const row = await db.incidentAutoOpenSettings.findUnique({ where: { id: ID } });
  const raw = (row?.config ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const parsed = AutoOpenInput.safeParse(raw);
  if (!parsed.success) return DEFAULT_AUTO_OPEN;
  return {
    p0Issues: { ...parsed.data.p0Issues, since: parsed.data.p0Issues.enabled ? since(raw.p0Issues?.since) : null },
    securityAlerts: {
      ...parsed.data.securityAlerts,
      since: parsed.data.securityAlerts.enabled ? since(raw.securityAlerts?.since) : null,
    },
  };
}

export async function saveAutoOpenConfig(ctx: IncidentContext, input: AutoOpenInput): Promise<AutoOpenConfig> {
  const now = nowOf(ctx).toISOString();
  for (const [field, source] of [
    ["p0Issues", input.p0Issues],
    ["securityAlerts", input.securityAlerts],
  ] as const) {
    if (!(await getIncidentType(source.type)))
      throw new ApiError(400, "validation_failed", `Unknown incident type "${source.type}".`, {
        [`${field}.type`]: ["Unknown incident type."],
      });
  }
  const previous = await getAutoOpenConfig();
  // A source keeps its start while it stays on; switching it on (again) starts from now.
  const config: AutoOpenConfig = {
    p0Issues: { ...input.p0Issues, since: input.p0Issues.enabled ? (previous.p0Issues.since ?? now) : null },
    securityAlerts: {
      ...input.securityAlerts,
      since: input.securityAlerts.enabled ? (previous.securityAlerts.since ?? now) : null,
    },
  };
  await db.$transaction(async (tx) => {
    await tx.incidentAutoOpenSettings.upsert({ where: { id: ID }, create: { id: ID, config }, update: { config } });
    await recordAudit(
      {
        action: "incident_auto_open.updated",
        actorId: ctx.actor?.id,
        target: "incidents",
        ip: ctx.actor?.ip,
        detail: {
          p0Issues: input.p0Issues.enabled,
          securityAlerts: input.securityAlerts.enabled,
          minSeverity: input.securityAlerts.minSeverity,
        },
      },
      tx,
    );
  });
  return config;
}
