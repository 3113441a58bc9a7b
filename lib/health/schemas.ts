/**
 * Zod inputs for health targets and the push API. No node-only imports, so client forms can share
 * them. Address policy (metadata, private ranges) is NOT judged here: DNS can change after a target
 * is saved, so `resolve-target.ts` enforces it on every check.
 */
import { z } from "zod";
import { parseJsonPath } from "./checks/json-path";
import { KPI_NAMES, resolveThresholds } from "./store/thresholds";

const MiB = 1024 * 1024;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_SAMPLES_PER_BATCH = 1000;
/** Text PostgreSQL can store: no NUL, no unpaired UTF-16 surrogate. */
const STORABLE = /^[^\0\p{Cs}]*$/u;

const MetricName = z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "not a valid Prometheus metric name");
const LABEL_RULE = "label names are letters, digits and _ (max 64)";
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/;
const LabelName = z.string().regex(LABEL_NAME, LABEL_RULE);
/** A record whose invalid keys report the key rule, not zod's generic "Invalid key in record". */
const recordOf = <V extends z.ZodType>(key: z.ZodString, value: V, keyRule: string) =>
  z.record(key, value, { error: (iss) => (iss.code === "invalid_key" ? keyRule : undefined) });
const LabelMatch = recordOf(LabelName, z.string().max(256), LABEL_RULE);

export const HttpUrl = z
  .url({ protocol: /^https?$/, error: "url must be an http:// or https:// URL" })
  .max(2048, "url is longer than 2048 characters");

const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/);
const FORBIDDEN_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "upgrade"]);
const Headers = recordOf(
  HeaderName,
  z
    .string()
    .max(4096)
    .regex(/^[^\r\n\0]*$/, "header values cannot contain line breaks"),
  "not a valid header name",
)
  .refine((h) => Object.keys(h).length <= 32, "at most 32 headers")
  .refine(
    (h) => Object.keys(h).every((k) => !FORBIDDEN_HEADERS.has(k.toLowerCase())),
    "host, content-length, transfer-encoding, connection and upgrade are set by steward",
  );

export const HttpCheckInput = z
  .strictObject({
    method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]).default("GET"),
    url: HttpUrl,
    expectedStatus: z
      .strictObject({ min: z.int().min(100).max(599), max: z.int().min(100).max(599) })
      .refine((s) => s.min <= s.max, "expectedStatus.min must not exceed expectedStatus.max")
      .default({ min: 200, max: 399 }),
    timeoutMs: z
      .int()
      .min(100, "timeout must be at least 100 ms")
      .max(60_000, "timeout must be at most 60 s")
      .default(10_000),
    headers: Headers.optional(),
    body: z.string().max(65_536, "request body is limited to 64 KiB").optional(),
    keyword: z.string().min(1).max(1024).optional(),
    jsonPath: z
      .strictObject({
        path: z
          .string()
          .max(256)
          .refine((p) => parseJsonPath(p) !== undefined, 'path must look like $.status, $.checks[0].ok or $["a-b"]'),
        equals: z.union([z.string().max(1024), z.number(), z.boolean()]),
      })
      .optional(),
    maxBodyBytes: z
      .int()
      .min(1024)
      .max(10 * MiB)
      .default(MiB),
  })
  .refine((c) => !(c.body !== undefined && (c.method === "GET" || c.method === "HEAD")), {
    error: "a GET or HEAD check cannot send a body",
    path: ["body"],
  })
  .refine((c) => !(c.method === "HEAD" && (c.keyword !== undefined || c.jsonPath !== undefined)), {
    error: "HEAD responses have no body: use GET for keyword or JSON checks",
    path: ["method"],
  });
export type HttpCheck = z.output<typeof HttpCheckInput>;

/** Overrides of the default metric names (see prometheus.ts); everything optional. */
export const KpiMappingInput = z.strictObject({
  requests: z
    .strictObject({
      metric: MetricName.optional(),
      statusLabels: z.array(LabelName).min(1).max(4).optional(),
      errorStatusPrefixes: z
        .array(z.string().regex(/^\d{1,3}$/))
        .min(1)
        .max(10)
        .optional(),
      match: LabelMatch.optional(),
    })
    .optional(),
  latency: z
    .strictObject({
      metric: MetricName.optional(),
      unit: z.enum(["seconds", "milliseconds"]).optional(),
      match: LabelMatch.optional(),
    })
    .optional(),
  memory: z.strictObject({ metric: MetricName.optional() }).optional(),
  memoryLimitBytes: z.int().positive("memory limit must be a positive number of bytes").optional(),
  breakers: z
    .strictObject({
      metric: MetricName.optional(),
      nameLabel: LabelName.optional(),
      stateLabel: LabelName.optional(),
      values: z.strictObject({ closed: z.number(), open: z.number(), halfOpen: z.number() }).optional(),
    })
    .optional(),
});
export type KpiMappingOverrides = z.output<typeof KpiMappingInput>;

const Threshold = z.strictObject({ target: z.number(), warning: z.number(), critical: z.number() }).partial();
export const ThresholdOverridesInput = z.partialRecord(z.enum(KPI_NAMES), Threshold).superRefine((overrides, ctx) => {
  try {
    resolveThresholds(overrides);
  } catch (error) {
    if (error instanceof RangeError) ctx.addIssue({ code: "custom", message: error.message });
    else throw error;
  }
});

export const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
/** How the push API and links name a target. */
export const TargetSlug = z
  .string()
  .regex(SLUG_PATTERN, "slug must be letters, digits, . _ : / - (max 128), starting with a letter or digit");
const TargetRef = z.string().regex(SLUG_PATTERN, "target must be a target slug (letters, digits, . _ : / -; max 128)");

const targetBase = {
  name: z.string().trim().min(1, "name is required").max(100),
  slug: TargetSlug.optional(),
  serviceGroup: z.string().trim().min(1, "service group must not be empty").max(64).default("default"),
  intervalSeconds: z
    .int()
    .min(10, "interval must be at least 10 seconds")
    .max(86_400, "interval must be at most 1 day")
    .default(60),
  enabled: z.boolean().default(true),
  /** No-flap rule: a KPI changes level only after this many consecutive observations agree. */
  breachesToChange: z.int().min(1, "breachesToChange must be at least 1").max(100).default(3),
  thresholds: ThresholdOverridesInput.optional(),
};

/** What a Prometheus target stores in HealthTarget.config. */
export const PrometheusTargetConfig = z.strictObject({
  url: HttpUrl,
  timeoutMs: z.int().min(100).max(60_000).default(10_000),
  mapping: KpiMappingInput.default({}),
});
/** What a push target stores: with heartbeats, a target silent for 1.5 intervals is recorded as a failed check. */
export const PushTargetConfig = z.strictObject({ heartbeats: z.boolean().default(true) });

export const CreateHttpTargetInput = z.strictObject({ kind: z.literal("http"), ...targetBase, check: HttpCheckInput });
export const CreatePrometheusTargetInput = z.strictObject({
  kind: z.literal("prometheus"),
  ...targetBase,
  ...PrometheusTargetConfig.shape,
});
export const CreatePushTargetInput = z.strictObject({
  kind: z.literal("push"),
  ...targetBase,
  ...PushTargetConfig.shape,
});
export const CreateTargetInput = z
  .discriminatedUnion("kind", [CreateHttpTargetInput, CreatePrometheusTargetInput, CreatePushTargetInput])
  .refine(
    (t) => t.kind === "push" || (t.kind === "http" ? t.check.timeoutMs : t.timeoutMs) < t.intervalSeconds * 1000,
    {
      error: "timeout must be shorter than the interval",
      path: ["intervalSeconds"],
    },
  );
export type CreateTarget = z.output<typeof CreateTargetInput>;

/** PATCH body: any create field except `kind`; top-level keys replace, nested objects are replaced whole. `thresholds: null` clears. */
export const UpdateTargetInput = z
  .record(z.string(), z.unknown(), { error: "send a JSON object of the fields to change" })
  .refine((patch) => !("kind" in patch), { error: "kind cannot be changed: create a new target", path: ["kind"] });

export const SAMPLE_RANGE: Record<(typeof KPI_NAMES)[number], [number, number]> = {
  response_time_ms: [0, 3_600_000],
  error_rate_pct: [0, 100],
  throughput_rps: [0, 1e9],
  memory_pct: [0, 1000],
  breaker_state: [0, 2],
};

/** Push body schema; `now` is injectable so "within ±1 day" is testable. */
export function makePushMetricsBody(now: () => number = Date.now) {
  const At = z.iso
    .datetime({ offset: true, error: "at must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z" })
    .refine((s) => Math.abs(Date.parse(s) - now()) <= DAY_MS, "at must be within 1 day of the server's clock");
  const Labels = recordOf(
    LabelName,
    z
      .string()
      .max(256, "label values are limited to 256 characters")
      .regex(STORABLE, "label values cannot contain NUL or unpaired surrogates"),
    LABEL_RULE,
  ).refine((l) => Object.keys(l).length <= 16, "at most 16 labels per sample");
  const Sample = z
    .strictObject({
      target: TargetRef,
      metric: z.enum(KPI_NAMES, { error: `metric must be one of ${KPI_NAMES.join(", ")}` }),
      value: z.number({ error: "value must be a finite number" }),
      at: At.optional(),
      labels: Labels.optional(),
    })
    .superRefine((s, ctx) => {
      const [min, max] = SAMPLE_RANGE[s.metric];
      const ok =
        s.metric === "breaker_state"
          ? Number.isInteger(s.value) && s.value >= min && s.value <= max
          : s.value >= min && s.value <= max;
      const rule = s.metric === "breaker_state" ? "0 (closed), 1 (open) or 2 (half-open)" : `between ${min} and ${max}`;
      if (!ok) ctx.addIssue({ code: "custom", path: ["value"], message: `${s.metric} must be ${rule}` });
    });
  const Heartbeat = z.strictObject({
    target: TargetRef,
    at: At.optional(),
    status: z.enum(["up", "down"]).default("up"),
  });
  // Length is checked before elements are parsed, so a huge batch is refused cheaply.
  const batch = <T extends z.ZodType>(item: T, what: string) =>
    z
      .array(z.unknown(), { error: `${what} must be an array` })
      .max(MAX_SAMPLES_PER_BATCH, `at most 1,000 ${what} per batch`)
      .pipe(z.array(item));
  return z
    .strictObject({
      samples: batch(Sample, "samples").default([]),
      heartbeats: batch(Heartbeat, "heartbeats").optional(),
    })
    .refine((b) => b.samples.length + (b.heartbeats?.length ?? 0) > 0, "send at least one sample or heartbeat");
}

export const PushMetricsBody = makePushMetricsBody();
export type PushMetrics = z.output<typeof PushMetricsBody>;

/** Time ranges of a target's series (see SERIES_RESOLUTION in queries.ts for the data each reads). */
export const SeriesRangeInput = z.enum(["1h", "6h", "24h", "7d", "30d", "90d", "365d"], {
  error: "range must be one of 1h, 6h, 24h, 7d, 30d, 90d, 365d",
});
export type SeriesRange = z.output<typeof SeriesRangeInput>;

/** The ranges the chart picker offers (besides a custom from/to). */
export const CHART_RANGES = ["1h", "24h", "7d", "30d", "90d"] as const satisfies readonly SeriesRange[];
export const DEFAULT_CHART_RANGE: SeriesRange = "24h";
const MAX_CUSTOM_SPAN_MS = 400 * DAY_MS;
const Instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z" });

/** A chart window: a range ending now, or a fixed custom from/to. */
export type SeriesWindow = { range: SeriesRange } | { from: Date; to: Date };

/** A chart window from URL search params: `?range=7d` or `?from=…&to=…`; nothing means the last 24 hours. */
export const SeriesWindowParams = z
  .object({ range: SeriesRangeInput.optional(), from: Instant.optional(), to: Instant.optional() })
  .superRefine((p, ctx) => {
    if (p.from === undefined && p.to === undefined) return;
    if (p.range !== undefined)
      ctx.addIssue({ code: "custom", path: ["range"], message: "give either range or from and to, not both" });
    if (p.from === undefined || p.to === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [p.from === undefined ? "from" : "to"],
        message: "a custom range needs both from and to",
      });
      return;
    }
    const span = Date.parse(p.to) - Date.parse(p.from);
    if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from" });
    if (span > MAX_CUSTOM_SPAN_MS)
      ctx.addIssue({ code: "custom", path: ["to"], message: "a custom range may span at most 400 days" });
  })
  .transform((p): SeriesWindow =>
    p.from !== undefined && p.to !== undefined
      ? { from: new Date(p.from), to: new Date(p.to) }
      : { range: p.range ?? DEFAULT_CHART_RANGE },
  );

/** First value of each search param (Next.js gives arrays for repeated keys). */
export function firstParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}
