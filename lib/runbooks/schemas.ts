// zod inputs of the runbooks API (shared with client code: no Prisma here).
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const TEMPLATE_IDS = ["open-source-maintenance", "service-maintenance", "operations-summary"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour).");

export const PreviewInput = z
  .object({
    markdown: z
      .string()
      .max(2 * 1024 * 1024)
      .optional(),
    template: z.enum(TEMPLATE_IDS).optional(),
    name: z.string().trim().max(200).optional(),
  })
  .refine((v) => (v.markdown === undefined) !== (v.template === undefined), {
    message: "Send either markdown or template.",
    path: ["markdown"],
  });
export type PreviewInput = z.infer<typeof PreviewInput>;

export const SectionEdit = z.object({
  path: z.array(z.string()).min(1),
  rrule: z.string().trim().max(200).nullable().optional(),
  onDemand: z.boolean().optional(),
  businessHoursOnly: z.boolean().optional(),
  dueTime: HHMM.optional(),
  /** Who is expected to do the section's runs (shown on Today); ticking still needs maintainer or admin. */
  ownerRole: z.enum(ROLES).optional(),
});
export type SectionEdit = z.infer<typeof SectionEdit>;

export const ImportInput = z
  .object({
    markdown: z
      .string()
      .max(2 * 1024 * 1024)
      .optional(),
    template: z.enum(TEMPLATE_IDS).optional(),
    name: z.string().trim().max(200).optional(),
    runbookId: z.uuid().optional(),
    activate: z.boolean().optional(),
    sections: z.array(SectionEdit).max(500).optional(),
    checks: z.record(z.string(), z.string().nullable()).optional(),
  })
  .refine((v) => (v.markdown === undefined) !== (v.template === undefined), {
    message: "Send either markdown or template.",
    path: ["markdown"],
  });
export type ImportInput = z.infer<typeof ImportInput>;

export const SetActiveInput = z.object({ active: z.boolean() });

export const UpdateSectionInput = z.object({
  rrule: z.string().trim().max(200).nullable().optional(),
  onDemand: z.boolean().optional(),
  businessHoursOnly: z.boolean().optional(),
  dueTime: HHMM.optional(),
});
export type UpdateSectionInput = z.infer<typeof UpdateSectionInput>;

export const BindCheckInput = z.object({ checkId: z.string().max(100).nullable() });

export const TickInput = z.object({
  status: z.enum(["done", "skipped"]),
  note: z.string().trim().max(1000).optional(),
});
export type TickInput = z.infer<typeof TickInput>;

export const SkipRunInput = z.object({ reason: z.string().trim().min(3, "Say why the run is skipped.").max(1000) });
export const SignOffInput = z.object({ note: z.string().trim().max(1000).optional() });
export const StartProcedureInput = z.object({
  label: z.string().trim().min(1).max(200),
  /** A release version ("1.2.3" or "v1.2.3"): the run's observed steps (tag, release, CI) match this version only. */
  version: z.string().trim().max(100).optional(),
  /** owner/name of the repository the version belongs to. */
  repo: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "Use owner/name.")
    .optional(),
});
export type StartProcedureInput = z.infer<typeof StartProcedureInput>;

/** A procedure run linked to what it is for: an incident (its emergency procedure) or a release version. */
export const StartLinkedRunInput = z.discriminatedUnion("from", [
  z.object({ from: z.literal("incident"), incidentId: z.uuid() }),
  z.object({
    from: z.literal("release"),
    repo: z
      .string()
      .trim()
      .regex(/^[\w.-]+\/[\w.-]+$/, "Use owner/name."),
    version: z.string().trim().min(1).max(100),
  }),
]);
export type StartLinkedRunInput = z.infer<typeof StartLinkedRunInput>;
