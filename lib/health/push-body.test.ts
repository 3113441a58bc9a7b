import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastPushMetrics } from "./push-body";
import { makePushMetricsBody, MAX_SAMPLES_PER_BATCH } from "./schemas";
import { KPI_NAMES } from "./store/thresholds";

const NOW = Date.parse("2026-11-15T12:00:00Z");
const PushMetricsBody = makePushMetricsBody(() => NOW);
const sample = { target: "api-prod", metric: "response_time_ms", value: 42 };

/** The fast path either defers to zod (null) or gives exactly zod's answer; it never accepts what zod refuses. */
function agrees(body: unknown): "fast" | "zod" {
  const fast = fastPushMetrics(body, NOW);
  const zod = PushMetricsBody.safeParse(body);
  if (fast === null) return "zod";
  expect(zod.success).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  return "fast";
}

describe("fastPushMetrics", () => {
  it.each([
    ["one sample", { samples: [sample] }],
    [
      "a sample with time and labels",
      { samples: [{ ...sample, at: "2026-11-15T11:59:00.123Z", labels: { region: "eu" } }] },
    ],
    ["an offset time", { samples: [{ ...sample, at: "2026-11-15T13:00:00+01:00" }] }],
    [
      "every metric at its bounds",
      {
        samples: [
          { target: "a", metric: "response_time_ms", value: 3_600_000 },
          { target: "a", metric: "error_rate_pct", value: 0 },
          { target: "a", metric: "throughput_rps", value: 1e9 },
          { target: "a", metric: "memory_pct", value: 1000 },
          { target: "a", metric: "breaker_state", value: 2 },
        ],
      },
    ],
    [
      "16 labels",
      {
        samples: [
          { ...sample, labels: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`l${i}`, "v".repeat(256)])) },
        ],
      },
    ],
    [
      "heartbeats only, status filled",
      { heartbeats: [{ target: "cron" }, { target: "cron", status: "down", at: "2026-11-15T12:00:00Z" }] },
    ],
    ["samples and heartbeats", { samples: [sample], heartbeats: [{ target: "worker-1", status: "up" }] }],
    ["1,000 samples", { samples: Array.from({ length: MAX_SAMPLES_PER_BATCH }, () => sample) }],
  ])("takes the fast path for %s, with zod's result", (_, body) => {
    expect(agrees(body)).toBe("fast");
  });

  it.each([
    ["not an object", []],
    ["unknown top-level key", { samples: [sample], extra: 1 }],
    ["unknown sample key", { samples: [{ ...sample, unit: "ms" }] }],
    ["empty batch", { samples: [] }],
    ["nothing", {}],
    ["unknown metric", { samples: [{ ...sample, metric: "cpu" }] }],
    ["inherited metric name", { samples: [{ ...sample, metric: "toString" }] }],
    ["string value", { samples: [{ ...sample, value: "42" }] }],
    ["error rate above 100", { samples: [{ ...sample, metric: "error_rate_pct", value: 120 }] }],
    ["negative latency", { samples: [{ ...sample, value: -1 }] }],
    ["breaker state 1.5", { samples: [{ ...sample, metric: "breaker_state", value: 1.5 }] }],
    ["time not ISO", { samples: [{ ...sample, at: "yesterday" }] }],
    ["time without seconds", { samples: [{ ...sample, at: "2026-11-15T11:59Z" }] }],
    ["time without zone", { samples: [{ ...sample, at: "2026-11-15T11:59:00" }] }],
    ["time as a number", { samples: [{ ...sample, at: NOW }] }],
    ["time too old", { samples: [{ ...sample, at: "2026-11-14T11:59:59Z" }] }],
    ["time in the future", { heartbeats: [{ target: "x", at: "2026-11-16T12:00:01+00:00" }] }],
    ["bad target", { samples: [{ ...sample, target: "" }] }],
    ["bad label name", { samples: [{ ...sample, labels: { "bad-key": "x" } }] }],
    [
      "too many labels",
      { samples: [{ ...sample, labels: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`l${i}`, "v"])) }] },
    ],
    ["long label value", { samples: [{ ...sample, labels: { a: "v".repeat(257) } }] }],
    ["labels as an array", { samples: [{ ...sample, labels: ["a"] }] }],
    ["bad status", { heartbeats: [{ target: "x", status: "sideways" }] }],
    ["samples not an array", { samples: {} }],
    ["one sample too many", { samples: Array.from({ length: MAX_SAMPLES_PER_BATCH + 1 }, () => sample) }],
    ["a bad sample after good ones", { samples: [sample, sample, { ...sample, value: null }] }],
    ["NUL in a label value", { samples: [{ ...sample, labels: { a: "x\u0000" } }] }],
    ["unpaired surrogate in a label value", { samples: [{ ...sample, labels: { a: "\ud800" } }] }],
  ])("leaves %s to zod (so its error messages are unchanged)", (_, body) => {
    expect(agrees(body)).toBe("zod");
    expect(PushMetricsBody.safeParse(body).success).toBe(false);
  });

  it("leaves a __proto__ label name to zod", () => {
    expect(agrees({ samples: [{ ...sample, labels: JSON.parse('{"__proto__": "x"}') as unknown }] })).toBe("zod");
  });

  it("agrees with zod on random nearly-valid bodies", () => {
    const at = fc.oneof(
      {
        arbitrary: fc
          .integer({ min: NOW - 2 * 86_400_000, max: NOW + 2 * 86_400_000 })
          .map((t) => new Date(t).toISOString()),
        weight: 6,
      },
      fc.constantFrom("2026-11-15T12:00:00+05:30", "2026-02-29T00:00:00Z", "2026-11-15T12:00:00.5-00:00"),
      fc.string(),
    );
    const nearlyValid = fc.record(
      {
        samples: fc.array(
          fc.record(
            {
              target: fc.oneof({ arbitrary: fc.constant("api"), weight: 8 }, fc.string()),
              metric: fc.oneof({ arbitrary: fc.constantFrom(...KPI_NAMES), weight: 8 }, fc.string()),
              value: fc.oneof(
                { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 6 },
                fc.double({ min: -1, max: 2e9 }),
                fc.constantFrom(0.5, 100.5, 1000, 1000.5, 3_600_000, 3_600_001, 1e9, 1e9 + 1, -0),
                fc.jsonValue(),
              ),
              at,
              labels: fc.dictionary(
                fc.oneof(
                  { arbitrary: fc.constantFrom("region", "_a", "x".repeat(64), "x".repeat(65)), weight: 6 },
                  fc.string(),
                ),
                fc.oneof({ arbitrary: fc.string({ maxLength: 300 }), weight: 6 }, fc.jsonValue()),
                { maxKeys: 18 },
              ),
            },
            { requiredKeys: ["target", "metric", "value"] },
          ),
          { maxLength: 3 },
        ),
        heartbeats: fc.array(
          fc.record(
            { target: fc.oneof(fc.constant("cron"), fc.string()), status: fc.constantFrom("up", "down", "x"), at },
            { requiredKeys: ["target"] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    );
    // Mostly valid bodies: every field drawn from valid values and the edges around them.
    const mostlyValid = fc.record(
      {
        samples: fc.array(
          fc.record(
            {
              target: fc.constantFrom("api", "a.b:c/d-e_f", "api", "api", "-x"),
              metric: fc.constantFrom(...KPI_NAMES),
              value: fc.oneof(
                fc.integer({ min: -1, max: 3 }),
                fc.constantFrom(0.5, 100, 100.5, 1000.5, 3_600_001, 1e9),
              ),
              at,
              labels: fc.dictionary(
                fc.constantFrom("region", "_a", "x".repeat(64), "x".repeat(65), "1a"),
                fc.string({ maxLength: 260 }),
                { maxKeys: 3 },
              ),
            },
            { requiredKeys: ["target", "metric", "value"] },
          ),
          { minLength: 1, maxLength: 2 },
        ),
        heartbeats: fc.array(
          fc.record(
            { target: fc.constant("cron"), status: fc.constantFrom("up", "down"), at },
            { requiredKeys: ["target"] },
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ["samples"] },
    );
    const taken = { fast: 0, zod: 0 };
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearlyValid, { arbitrary: mostlyValid, weight: 4 }), (input) => {
        agrees(input);
        // What the route sees: JSON.parse's plain objects (fast-check also draws null-prototype ones, which go to zod).
        taken[agrees(JSON.parse(JSON.stringify(input)) as unknown)] += 1;
      }),
      { numRuns: 2000 },
    );
    // Both paths were exercised, so the agreement above means something.
    expect(taken.fast).toBeGreaterThan(50);
    expect(taken.zod).toBeGreaterThan(50);
  });
});
