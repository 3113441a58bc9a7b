// Settings → Incidents: which GitHub events open an incident by themselves (no Prisma import, so the
// settings form shares it). Both sources are off until an admin turns them on; only events after that
// moment count ("new"), so switching a source on never floods the board with old issues and alerts.
import { z } from "zod";
import { SEVERITIES } from "../schemas";

export const ALERT_SEVERITIES = ["LOW", "MODERATE", "HIGH", "CRITICAL"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const typeKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, "Choose an incident type.");

const Source = z.object({
  enabled: z.boolean(),
  type: typeKey,
  severity: z.enum(SEVERITIES),
});

export const AutoOpenInput = z.object({
  p0Issues: Source,
  securityAlerts: Source.extend({ minSeverity: z.enum(ALERT_SEVERITIES) }),
});
export type AutoOpenInput = z.infer<typeof AutoOpenInput>;

/** What is stored: the input plus when each source was switched on (null while off). */
export type AutoOpenConfig = {
  p0Issues: AutoOpenInput["p0Issues"] & { since: string | null };
  securityAlerts: AutoOpenInput["securityAlerts"] & { since: string | null };
};

export const DEFAULT_AUTO_OPEN: AutoOpenConfig = {
  p0Issues: { enabled: false, type: "critical-bug", severity: "SEV2", since: null },
  securityAlerts: { enabled: false, type: "security", severity: "SEV2", minSeverity: "CRITICAL", since: null },
};

/** Alert severities at or above `min` (GitHub's order LOW < MODERATE < HIGH < CRITICAL). */
export function severitiesFrom(min: AlertSeverity): AlertSeverity[] {
  return ALERT_SEVERITIES.slice(ALERT_SEVERITIES.indexOf(min));
}
