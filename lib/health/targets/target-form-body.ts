/**
 * The add/edit target form's values → the admin API's JSON (create or edit), and the API's field
 * errors → the form's fields. Pure, like ./target-form.ts (the values and where they come from).
 */
import { THRESHOLD_KPIS, MiB, isObject, jsonLiteral, type FormField, type TargetFormValues } from "./target-form";

type Json = Record<string, unknown>;

/** A number if the text is one; empty → undefined (the API's default); anything else is sent as typed, so the API names the field. */
function num(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

function parseHeaders(text: string): Record<string, string> | undefined {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return undefined;
  return Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(":");
      return colon < 0 ? [line, ""] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
}

/** Sets `obj[key]` to `value`, or deletes it when value is undefined. */
function put(obj: Json, key: string, value: unknown): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}

function httpCheck(v: TargetFormValues): Json {
  const check: Json = { ...v.keep.check };
  put(check, "method", v.method);
  put(check, "url", v.url.trim());
  const min = num(v.statusMin);
  const max = num(v.statusMax);
  put(check, "expectedStatus", min === undefined && max === undefined ? undefined : { min, max });
  put(check, "timeoutMs", num(v.timeoutMs));
  put(check, "keyword", v.keyword === "" ? undefined : v.keyword);
  put(
    check,
    "jsonPath",
    v.jsonPath.trim() === "" ? undefined : { path: v.jsonPath.trim(), equals: jsonLiteral(v.jsonEquals.trim()) },
  );
  put(check, "headers", parseHeaders(v.headers));
  put(check, "body", v.body === "" || v.method === "GET" || v.method === "HEAD" ? undefined : v.body);
  return check;
}

function mapping(v: TargetFormValues): Json {
  const m: Json = structuredClone(v.keep.mapping);
  const limit = num(v.memoryLimitMiB);
  put(m, "memoryLimitBytes", typeof limit === "number" ? Math.round(limit * MiB) : limit);
  const names: Array<[string, string]> = [
    ["requests", v.requestsMetric],
    ["latency", v.latencyMetric],
    ["memory", v.memoryMetric],
    ["breakers", v.breakerMetric],
  ];
  for (const [part, metric] of names) {
    const section: Json = isObject(m[part]) ? { ...m[part] } : {};
    put(section, "metric", metric.trim() === "" ? undefined : metric.trim());
    put(m, part, Object.keys(section).length === 0 ? undefined : section);
  }
  return m;
}

function thresholds(v: TargetFormValues): Json | undefined {
  const out: Json = {};
  for (const k of THRESHOLD_KPIS) {
    const entry: Json = isObject(v.keep.thresholds[k]) ? { ...(v.keep.thresholds[k] as Json) } : {};
    put(entry, "warning", num(v.thresholds[k].warning));
    put(entry, "critical", num(v.thresholds[k].critical));
    if (Object.keys(entry).length > 0) out[k] = entry;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The JSON for POST /api/admin/health-targets (create) or PATCH …/<id> (edit: no kind; thresholds null clears them). */
export function toRequestBody(v: TargetFormValues, mode: "create" | "edit"): Json {
  const body: Json = {
    name: v.name,
    serviceGroup: v.serviceGroup.trim() === "" ? undefined : v.serviceGroup,
    enabled: v.enabled,
  };
  if (mode === "create") body.kind = v.kind;
  if (mode === "edit" && v.forgetSecrets) body.forgetSecrets = true;
  put(body, "slug", v.slug.trim() === "" ? undefined : v.slug.trim());
  put(body, "intervalSeconds", num(v.intervalSeconds));
  put(body, "breachesToChange", num(v.breachesToChange));
  const t = thresholds(v);
  put(body, "thresholds", t ?? (mode === "edit" ? null : undefined));
  if (v.kind === "http") body.check = httpCheck(v);
  else if (v.kind === "prometheus")
    Object.assign(body, { url: v.url.trim(), timeoutMs: num(v.timeoutMs), mapping: mapping(v) });
  else body.heartbeats = v.heartbeats;
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

const FIELD_OF: Array<[RegExp, FormField]> = [
  [/^(check\.)?url$/, "url"],
  [/^check\.method$/, "method"],
  [/^check\.expectedStatus/, "status"],
  [/^(check\.)?timeoutMs$/, "timeoutMs"],
  [/^check\.keyword$/, "keyword"],
  [/^check\.jsonPath/, "jsonPath"],
  [/^check\.headers/, "headers"],
  [/^check\.body$/, "body"],
  [/^mapping\.memoryLimitBytes$/, "memoryLimitMiB"],
  [/^mapping\.requests/, "requestsMetric"],
  [/^mapping\.latency/, "latencyMetric"],
  [/^mapping\.memory(\.|$)/, "memoryMetric"],
  [/^mapping\.breakers/, "breakerMetric"],
  [/^thresholds/, "thresholds"],
  [/^(name|slug|serviceGroup|intervalSeconds|breachesToChange|heartbeats|kind|enabled)$/, "name"],
];

/** The API's field errors placed next to the form's fields; errors no field shows are returned apart. */
export function placeFieldErrors(fieldErrors: Record<string, string[]>): {
  fields: Partial<Record<FormField, string>>;
  other: string[];
} {
  const fields: Partial<Record<FormField, string>> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const match = FIELD_OF.find(([pattern]) => pattern.test(key));
    const field = match?.[1] === "name" ? (key as FormField) : match?.[1];
    if (field) fields[field] = [fields[field], ...messages].filter(Boolean).join(" ");
    else other.push(...messages.map((m) => (key === "_" ? m : `${key}: ${m}`)));
  }
  return { fields, other };
}
