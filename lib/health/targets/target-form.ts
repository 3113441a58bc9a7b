/**
 * The add/edit target form's values, read from a stored target (their translation to the API's JSON
 * is ./target-form-body.ts). Pure (no Prisma, no React) so the browser can use it and tests can pin
 * it. Settings the form does not edit (e.g. maxBodyBytes, label matchers) are carried in `keep` and
 * sent back unchanged.
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

export const MiB = 1024 * 1024;
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

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
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

/** JSON literal if it parses as one (true, 42, "text"), else the plain text. */
export function jsonLiteral(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return ["string", "number", "boolean"].includes(typeof value) ? value : text;
  } catch {
    return text;
  }
}
