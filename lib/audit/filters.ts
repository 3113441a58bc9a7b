// Audit log filters from the URL (?action=&user=&from=&to=&before=), and the detail as readable text.
import { z } from "zod";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
export const AuditFilterParams = z.object({
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/)
    .optional()
    .catch(undefined),
  user: z.string().min(1).max(64).optional().catch(undefined),
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  /** Keyset page: entries with an id below this one. */
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilter = z.infer<typeof AuditFilterParams>;

/** The filter as search params, without empty values (for links that keep the other filters). */
export function auditSearch(filter: AuditFilter, change: Partial<AuditFilter> = {}): string {
  const merged = { ...filter, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.map(describeValue).join(", ");
  if (typeof value === "object") return `{ ${describeDetail(value)} }`;
  return String(value);
}

/** `{"from":"viewer","to":"admin"}` → "from: viewer · to: admin"; plain values as they are. */
export function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object" || Array.isArray(detail)) return describeValue(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: ${describeValue(v)}`)
    .join(" · ");
}
