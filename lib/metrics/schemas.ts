// What the KPI API and the Metrics page accept (query string). No Prisma import: shared with the client.
import { z } from "zod";
import { isTimeZone } from "@/lib/team/schemas";
import { reviewMonth, type Period } from "./window";

const REPO = /^[\w.-]+\/[\w.-]+$/;

const KpiQueryBase = z.object({
  repo: z.string().trim().regex(REPO, "must be owner/name").optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")
    .optional(),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, "must be YYYY-Qn")
    .optional(),
  from: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant" }).optional(),
  to: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant" }).optional(),
  tz: z.string().trim().refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin").optional(),
});

function checkPeriod(q: z.infer<typeof KpiQueryBase>, ctx: z.RefinementCtx): void {
  const kinds = [q.month, q.quarter, q.from ?? q.to].filter((v) => v !== undefined).length;
  if (kinds > 1)
    ctx.addIssue({
      code: "custom",
      path: ["month"],
      message: "give one of month, quarter, or from and to",
    });
  if ((q.from === undefined) !== (q.to === undefined))
    ctx.addIssue({
      code: "custom",
      path: [q.from ? "to" : "from"],
      message: "from and to go together",
    });
  if (q.from && q.to && new Date(q.from) >= new Date(q.to))
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: "must be after from",
    });
  if (q.from && q.to && new Date(q.to).getTime() - new Date(q.from).getTime() > 400 * 86_400_000)
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: "a range may span at most 400 days",
    });
}

export const KpiQuery = KpiQueryBase.strict().superRefine(checkPeriod);
export type KpiQuery = z.infer<typeof KpiQuery>;

/** The report download: the same period as the page, Markdown or one table as CSV. */
export const ReportQuery = KpiQueryBase.extend({
  format: z.enum(["md", "csv"]).default("md"),
  table: z.enum(["kpis", "trend", "distribution", "waiting", "merges"]).default("kpis"),
})
  .strict()
  .superRefine(checkPeriod);

/**
 * The period a parsed query asks for; when it names none, the last complete month in `tz` (the one the
 * monthly review covers) — the same default for the Metrics pages, the KPI API and the report.
 */
export function periodOf(q: KpiQuery, tz: string, now = new Date()): Period {
  if (q.month) return { kind: "month", month: q.month };
  if (q.quarter) return { kind: "quarter", quarter: q.quarter };
  if (q.from && q.to) return { kind: "range", from: new Date(q.from), to: new Date(q.to) };
  return { kind: "month", month: reviewMonth(now, tz) };
}
