/**
 * The add/edit target form's values and their translation to and from the admin API's JSON. Pure
 * (no Prisma, no React) so the browser can use it and tests can pin it. Settings the form does not
 * edit (e.g. maxBodyBytes, label matchers) are carried in `keep` and sent back unchanged.
 */
import type { SecretsSet } from "./target-secrets";

export const THRESHOLD_KPIS = ["response_time_ms", "error_rate_pct", "throughput_rps", "memory_pct"] as const;
export type ThresholdKpi = (typeof THRESHOLD_KPIS)[number];
export type TargetKind = "http" | "prometheus" | "push";
type Json = Record<string, unknown>;

export type TargetFormValues = {
  kind: TargetKind;
  name: string;
  slug: string;
  serviceGroup: string;
  intervalSeconds: string;
  breachesToChange: string;
  enabled: boolean;
  method: string;
  url: string;
  statusMin: string;
  statusMax: string;
  timeoutMs: string;
  keyword: string;
  jsonPath: string;
  jsonEquals: string;
  /** One "Name: value" per line. */
  headers: string;
  body: string;
  memoryLimitMiB: string;
  requestsMetric: string;
  latencyMetric: string;
  memoryMetric: string;
  breakerMetric: string;
  heartbeats: boolean;
  thresholds: Record<ThresholdKpi, { warning: string; critical: string }>;
  keep: { check: Json; mapping: Json; thresholds: Json };
  /** Which secrets are stored (sealed; never sent to the browser). */
  secretsSet: SecretsSet;
  /** Edit only: drop stored secrets that were not typed again. */
  forgetSecrets: boolean;
};

export type FormField =
  | Exclude<keyof TargetFormValues, "thresholds" | "keep" | "statusMin" | "statusMax" | "secretsSet" | "forgetSecrets">
  | "status"
  | "thresholds";

const MiB = 1024 * 1024;
const emptyThresholds = () =>
  Object.fromEntries(THRESHOLD_KPIS.map((k) => [k, { warning: "", critical: "" }])) as TargetFormValues["thresholds"];

export function emptyFormValues(): TargetFormValues {
  return {
    kind: "http",
    name: "",
    slug: "",
    serviceGroup: "default",
    intervalSeconds: "60",
    breachesToChange: "3",
    enabled: true,
    method: "GET",
    url: "",
    statusMin: "200",
    statusMax: "399",
    timeoutMs: "5000",
    keyword: "",
    jsonPath: "",
    jsonEquals: "",
    headers: "",
    body: "",
    memoryLimitMiB: "",
    requestsMetric: "",
    latencyMetric: "",
    memoryMetric: "",
    breakerMetric: "",
    heartbeats: true,
    thresholds: emptyThresholds(),
    keep: { check: {}, mapping: {}, thresholds: {} },
    secretsSet: { urlCredentials: false, urlQuery: false, headers: [] },
    forgetSecrets: false,
  };
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const at = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((acc, k) => (isObject(acc) ? acc[k] : undefined), o);

/** A stored target (as the admin API returns it) as form values. */
export function toFormValues(target: {
  kind: TargetKind;
  name: string;
  slug: string;
  serviceGroup: string;
  intervalSeconds: number;
  breachesToChange: number;
  enabled: boolean;
  thresholds: unknown;
  config: unknown;
  secretsSet?: SecretsSet;
}): TargetFormValues {
  const v = emptyFormValues();
  if (target.secretsSet) v.secretsSet = target.secretsSet;
  const c = isObject(target.config) ? target.config : {};
  Object.assign(v, {
    kind: target.kind,
    name: target.name,
    slug: target.slug,
    serviceGroup: target.serviceGroup,
    intervalSeconds: str(target.intervalSeconds),
    breachesToChange: str(target.breachesToChange),
    enabled: target.enabled,
  });
  const thresholds = isObject(target.thresholds) ? target.thresholds : {};
  for (const k of THRESHOLD_KPIS)
    v.thresholds[k] = { warning: str(at(thresholds, k, "warning")), critical: str(at(thresholds, k, "critical")) };
  v.keep.thresholds = thresholds;
  if (target.kind === "http") {
    Object.assign(v, {
      method: str(c.method ?? "GET"),
      url: str(c.url),
      statusMin: str(at(c, "expectedStatus", "min")),
      statusMax: str(at(c, "expectedStatus", "max")),
      timeoutMs: str(c.timeoutMs),
      keyword: str(c.keyword),
      body: str(c.body),
    });
    v.jsonPath = str(at(c, "jsonPath", "path"));
    const equals = at(c, "jsonPath", "equals");
    // Plain text when it reads back as the same string; quoted only when it would read as a number or boolean.
    v.jsonEquals =
      equals === undefined
        ? ""
        : typeof equals === "string" && jsonLiteral(equals) === equals
          ? equals
          : JSON.stringify(equals);
    v.headers = isObject(c.headers)
      ? Object.entries(c.headers)
          .map(([name, value]) => `${name}: ${str(value)}`)
          .join("\n")
      : "";
    v.keep.check = c;
  } else if (target.kind === "prometheus") {
    const mapping = isObject(c.mapping) ? c.mapping : {};
    const limit = mapping.memoryLimitBytes;
    Object.assign(v, {
      url: str(c.url),
      timeoutMs: str(c.timeoutMs),
      memoryLimitMiB: typeof limit === "number" ? String(Math.round((limit / MiB) * 100) / 100) : "",
    });
    Object.assign(v, {
      requestsMetric: str(at(mapping, "requests", "metric")),
      latencyMetric: str(at(mapping, "latency", "metric")),
      memoryMetric: str(at(mapping, "memory", "metric")),
      breakerMetric: str(at(mapping, "breakers", "metric")),
    });
    v.keep.mapping = mapping;
  } else {
    v.heartbeats = c.heartbeats !== false;
  }
  return v;
}

/** A number if the text is one; empty → undefined (the API's default); anything else is sent as typed, so the API names the field. */
function num(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** JSON literal if it parses as one (true, 42, "text"), else the plain text. */
function jsonLiteral(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return ["string", "number", "boolean"].includes(typeof value) ? value : text;
  } catch {
    return text;
  }
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
