import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateTargetInput, HttpCheckInput, makePushMetricsBody, MAX_SAMPLES_PER_BATCH } from "./schemas";
import { KPI_NAMES } from "./store/thresholds";

const NOW = Date.parse("2026-11-15T12:00:00Z");
const PushMetricsBody = makePushMetricsBody(() => NOW);
const sample = { target: "api-prod", metric: "response_time_ms", value: 42 };

/** The messages of a failed parse, as "path: message" (what an API client would be shown). */
function messages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("PushMetricsBody", () => {
  it("accepts a well-formed batch and fills defaults", () => {
    const body = {
      samples: [{ ...sample, at: "2026-11-15T11:59:00Z", labels: { region: "eu" } }],
      heartbeats: [{ target: "worker-1" }],
    };
    expect(PushMetricsBody.parse(body)).toEqual({ ...body, heartbeats: [{ target: "worker-1", status: "up" }] });
    expect(PushMetricsBody.parse({ heartbeats: [{ target: "cron", status: "down" }] }).samples).toEqual([]);
  });

  it.each([
    ["unknown top-level key", { samples: [sample], extra: 1 }, ': Unrecognized key: "extra"'],
    ["unknown sample key", { samples: [{ ...sample, unit: "ms" }] }, 'samples.0: Unrecognized key: "unit"'],
    ["empty batch", { samples: [] }, ": send at least one sample or heartbeat"],
    [
      "unknown metric",
      { samples: [{ ...sample, metric: "cpu" }] },
      `samples.0.metric: metric must be one of ${KPI_NAMES.join(", ")}`,
    ],
    ["string value", { samples: [{ ...sample, value: "42" }] }, "samples.0.value: value must be a finite number"],
    [
      "error rate above 100",
      { samples: [{ ...sample, metric: "error_rate_pct", value: 120 }] },
      "samples.0.value: error_rate_pct must be between 0 and 100",
    ],
    [
      "negative latency",
      { samples: [{ ...sample, value: -1 }] },
      "samples.0.value: response_time_ms must be between 0 and 3600000",
    ],
    [
      "breaker state 3",
      { samples: [{ ...sample, metric: "breaker_state", value: 3 }] },
      "samples.0.value: breaker_state must be 0 (closed), 1 (open) or 2 (half-open)",
    ],
    [
      "time not ISO",
      { samples: [{ ...sample, at: "yesterday" }] },
      "samples.0.at: at must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z",
    ],
    [
      "time too old",
      { samples: [{ ...sample, at: "2026-11-14T11:59:59Z" }] },
      "samples.0.at: at must be within 1 day of the server's clock",
    ],
    [
      "time in the future",
      { heartbeats: [{ target: "x", at: "2026-11-16T12:00:01+00:00" }] },
      "heartbeats.0.at: at must be within 1 day of the server's clock",
    ],
    [
      "bad target",
      { samples: [{ ...sample, target: "" }] },
      "samples.0.target: target must be a target slug (letters, digits, . _ : / -; max 128)",
    ],
    [
      "bad label name",
      { samples: [{ ...sample, labels: { "bad-key": "x" } }] },
      "samples.0.labels.bad-key: label names are letters, digits and _ (max 64)",
    ],
    [
      "too many labels",
      { samples: [{ ...sample, labels: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`l${i}`, "v"])) }] },
      "samples.0.labels: at most 16 labels per sample",
    ],
    [
      "bad status",
      { heartbeats: [{ target: "x", status: "sideways" }] },
      'heartbeats.0.status: Invalid option: expected one of "up"|"down"',
    ],
    ["samples not an array", { samples: {} }, "samples: samples must be an array"],
    [
      "NUL in a label value",
      { samples: [{ ...sample, labels: { a: "x\u0000" } }] },
      "samples.0.labels.a: label values cannot contain NUL or unpaired surrogates",
    ],
    [
      "unpaired surrogate in a label value",
      { samples: [{ ...sample, labels: { a: "\ud800" } }] },
      "samples.0.labels.a: label values cannot contain NUL or unpaired surrogates",
    ],
  ])("rejects %s", (_, body, message) => {
    expect(messages(PushMetricsBody, body)).toContain(message);
  });

  it(`accepts ${MAX_SAMPLES_PER_BATCH} samples and refuses one more`, () => {
    const batch = (n: number) => ({ samples: Array.from({ length: n }, () => sample) });
    expect(PushMetricsBody.safeParse(batch(MAX_SAMPLES_PER_BATCH)).success).toBe(true);
    expect(messages(PushMetricsBody, batch(MAX_SAMPLES_PER_BATCH + 1))).toEqual([
      "samples: at most 1,000 samples per batch",
    ]);
  });

  it("never throws on arbitrary JSON: a parsed value or a ZodError", () => {
    const nearlyValid = fc.record(
      {
        samples: fc.array(
          fc.record(
            {
              target: fc.oneof(fc.constant("api"), fc.string()),
              metric: fc.oneof(fc.constantFrom(...KPI_NAMES), fc.string()),
              value: fc.oneof(fc.double(), fc.integer({ min: 0, max: 2 }), fc.jsonValue()),
              at: fc.oneof(
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                fc.string(),
              ),
              labels: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.jsonValue())),
            },
            { requiredKeys: [] },
          ),
        ),
        heartbeats: fc.array(
          fc.record({ target: fc.string(), status: fc.string(), at: fc.string() }, { requiredKeys: [] }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearlyValid), (input) => {
        const r = PushMetricsBody.safeParse(input);
        if (r.success) {
          expect(r.data.samples.length).toBeLessThanOrEqual(MAX_SAMPLES_PER_BATCH);
          for (const s of r.data.samples) expect(Number.isFinite(s.value)).toBe(true);
        } else {
          expect(r.error).toBeInstanceOf(z.ZodError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("CreateTargetInput", () => {
  const http = { kind: "http", name: "API", intervalSeconds: 30, check: { url: "https://api.example.com/health" } };

  it("fills HTTP check defaults", () => {
    const parsed = CreateTargetInput.parse(http);
    expect(parsed.kind === "http" && parsed.check).toEqual({
      method: "GET",
      url: "https://api.example.com/health",
      expectedStatus: { min: 200, max: 399 },
      timeoutMs: 10_000,
      maxBodyBytes: 1024 * 1024,
    });
  });

  it.each([
    ["interval under 10 s", { ...http, intervalSeconds: 5 }, "intervalSeconds: interval must be at least 10 seconds"],
    [
      "non-http scheme",
      { ...http, check: { url: "file:///etc/passwd" } },
      "check.url: url must be an http:// or https:// URL",
    ],
    [
      "timeout ≥ interval",
      { ...http, intervalSeconds: 10, check: { url: "http://a/", timeoutMs: 10_000 } },
      "intervalSeconds: timeout must be shorter than the interval",
    ],
    [
      "GET with body",
      { ...http, check: { url: "http://a/", body: "x" } },
      "check.body: a GET or HEAD check cannot send a body",
    ],
    [
      "bad JSON path",
      { ...http, check: { url: "http://a/", jsonPath: { path: "status", equals: "ok" } } },
      'check.jsonPath.path: path must look like $.status, $.checks[0].ok or $["a-b"]',
    ],
    [
      "header injection",
      { ...http, check: { url: "http://a/", headers: { "x-a": "1\r\nHost: evil" } } },
      "check.headers.x-a: header values cannot contain line breaks",
    ],
    [
      "status range reversed",
      { ...http, check: { url: "http://a/", expectedStatus: { min: 400, max: 200 } } },
      "check.expectedStatus: expectedStatus.min must not exceed expectedStatus.max",
    ],
    ["unknown key", { ...http, check: { url: "http://a/", follow: true } }, 'check: Unrecognized key: "follow"'],
    [
      "prometheus memory limit",
      { kind: "prometheus", name: "p", url: "http://a/metrics", mapping: { memoryLimitBytes: -1 } },
      "mapping.memoryLimitBytes: memory limit must be a positive number of bytes",
    ],
    [
      "thresholds out of order",
      { ...http, thresholds: { memory_pct: { warning: 99 } } },
      "thresholds: memory_pct: warning 99 and critical 95 are in the wrong order",
    ],
    [
      "a slug with a space",
      { ...http, slug: "my api" },
      "slug: slug must be letters, digits, . _ : / - (max 128), starting with a letter or digit",
    ],
    ["breachesToChange 0", { ...http, breachesToChange: 0 }, "breachesToChange: breachesToChange must be at least 1"],
    [
      "push target with a check",
      { kind: "push", name: "p", check: { url: "http://a/" } },
      ': Unrecognized key: "check"',
    ],
    [
      "prometheus bad metric name",
      { kind: "prometheus", name: "p", url: "http://a/metrics", mapping: { requests: { metric: "http-requests" } } },
      "mapping.requests.metric: not a valid Prometheus metric name",
    ],
  ])("rejects %s", (_, input, message) => {
    expect(messages(CreateTargetInput, input)).toContain(message);
  });

  it("accepts a Prometheus target with a custom mapping", () => {
    const parsed = CreateTargetInput.parse({
      kind: "prometheus",
      name: "api",
      url: "http://10.0.0.5:9100/metrics",
      mapping: { memoryLimitBytes: 2 ** 31, breakers: { metric: "cb", stateLabel: "state" } },
    });
    expect(parsed).toMatchObject({ intervalSeconds: 60, timeoutMs: 10_000, mapping: { memoryLimitBytes: 2 ** 31 } });
  });

  it("fills push-target and common defaults; push targets have no timeout to compare", () => {
    expect(CreateTargetInput.parse({ kind: "push", name: "cron", intervalSeconds: 10 })).toEqual({
      kind: "push",
      name: "cron",
      serviceGroup: "default",
      intervalSeconds: 10,
      enabled: true,
      breachesToChange: 3,
      heartbeats: true,
    });
  });

  it("HttpCheckInput rejects keyword checks over HEAD", () => {
    expect(messages(HttpCheckInput, { url: "http://a/", method: "HEAD", keyword: "ok" })).toEqual([
      "method: HEAD responses have no body: use GET for keyword or JSON checks",
    ]);
  });
});
