// Incident inputs and the lifecycle rules shared by server and client (no Prisma import).
import { z } from "zod";

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SEVERITIES = ["SEV1", "SEV2", "SEV3"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Forward moves of any length; back from identified/monitoring when the problem returns; resolved is final. */
export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: ["identified", "monitoring", "resolved"],
  identified: ["investigating", "monitoring", "resolved"],
  monitoring: ["investigating", "identified", "resolved"],
  resolved: [],
};

export function transitionError(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return null;
  if (TRANSITIONS[from].includes(to)) return null;
  if (from === "resolved")
    return `The incident is already resolved; it cannot move to ${to}. Open a new incident if the problem returned.`;
  return `An incident cannot move from ${from} to ${to}. From ${from} it may move to: ${TRANSITIONS[from].join(", ")}.`;
}

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const text = (max: number) => z.string().trim().min(1, "Required.").max(max, `At most ${max} characters.`);

export const CreateIncidentInput = z.object({
  title: text(200),
  type: z.string().trim().min(1).max(40),
  severity: z.enum(SEVERITIES),
  startedAt: isoDate.optional(),
  detectedAt: isoDate.optional(),
  targetIds: z.array(z.uuid()).max(50).default([]),
  repositories: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[\w.-]+\/[\w.-]+$/, "owner/name"),
    )
    .max(50)
    .default([]),
  public: z.boolean().default(false),
  commanderId: z.uuid().optional(),
});
export type CreateIncidentInput = z.infer<typeof CreateIncidentInput>;

export const AddUpdateInput = z.object({
  status: z.enum(INCIDENT_STATUSES).optional(),
  message: text(10_000),
  /** Notes are internal; updates may be public (shown on the status page when the incident is public). */
  kind: z.enum(["update", "note"]).default("update"),
  public: z.boolean().default(false),
});
export type AddUpdateInput = z.infer<typeof AddUpdateInput>;

export const ResolveInput = z.object({
  message: z.string().trim().max(10_000).optional(),
  resolvedAt: isoDate.optional(),
});
export type ResolveInput = z.infer<typeof ResolveInput>;

/** Edits of fields and timestamps; every edit is audited and written to the timeline. */
export const EditIncidentInput = z
  .object({
    title: text(200),
    type: z.string().trim().min(1).max(40),
    severity: z.enum(SEVERITIES),
    public: z.boolean(),
    commanderId: z.uuid().nullable(),
    targetIds: z.array(z.uuid()).max(50),
    repositories: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[\w.-]+\/[\w.-]+$/, "owner/name"),
      )
      .max(50),
    startedAt: isoDate,
    detectedAt: isoDate,
    acknowledgedAt: isoDate.nullable(),
    mitigatedAt: isoDate.nullable(),
    resolvedAt: isoDate.nullable(),
  })
  .partial();
export type EditIncidentInput = z.infer<typeof EditIncidentInput>;

export const ActionItem = z.object({ text: text(500), done: z.boolean().default(false) });
export const PostmortemInput = z.object({
  summary: z.string().max(20_000).default(""),
  rootCause: z.string().max(20_000).default(""),
  impact: z.string().max(20_000).default(""),
  timelineExcerpt: z.string().max(20_000).default(""),
  actionItems: z.array(ActionItem).max(100).default([]),
});
export type PostmortemInput = z.infer<typeof PostmortemInput>;

export const ListIncidentsQuery = z.object({
  status: z.enum(["open", "resolved", "all"]).default("all"),
  type: z.string().max(40).optional(),
  severity: z.enum(SEVERITIES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListIncidentsQuery = z.infer<typeof ListIncidentsQuery>;
