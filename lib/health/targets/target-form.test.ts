import { describe, expect, it } from "vitest";
import { CreateTargetInput } from "../schemas";
import { emptyFormValues, toFormValues, type TargetFormValues } from "./target-form";
import { placeFieldErrors, toRequestBody } from "./target-form-body";

const form = (patch: Partial<TargetFormValues>): TargetFormValues => ({ ...emptyFormValues(), ...patch });

describe("target form → API body", () => {
  it("builds a valid HTTP target with status range, JSON path, headers and threshold overrides", () => {
    const v = form({
      name: "Payments API",
      intervalSeconds: "10",
      timeoutMs: "2000",
      url: " http://127.0.0.1:8080/health ",
      jsonPath: "$.status",
      jsonEquals: "ok",
      headers: "X-Token: abc\nAccept: application/json",
      breachesToChange: "1",
    });
    v.thresholds.response_time_ms = { warning: "300", critical: "" };
    const body = toRequestBody(v, "create");
    expect(body).toEqual({
      kind: "http",
      name: "Payments API",
      serviceGroup: "default",
      enabled: true,
      intervalSeconds: 10,
      breachesToChange: 1,
      thresholds: { response_time_ms: { warning: 300 } },
      check: {
        method: "GET",
        url: "http://127.0.0.1:8080/health",
        expectedStatus: { min: 200, max: 399 },
        timeoutMs: 2000,
        jsonPath: { path: "$.status", equals: "ok" },
        headers: { "X-Token": "abc", Accept: "application/json" },
      },
    });
    expect(CreateTargetInput.safeParse(body).success).toBe(true);
  });

  it("reads JSON-path values as JSON literals when they are one", () => {
    const equals = (jsonEquals: string) =>
      (toRequestBody(form({ jsonPath: "$.ok", jsonEquals }), "create").check as { jsonPath: { equals: unknown } })
        .jsonPath.equals;
    expect([equals("true"), equals("42"), equals('"42"'), equals("up")]).toEqual([true, 42, "42", "up"]);
  });

  it("sends non-numbers as typed so the API names the field", () => {
    expect(toRequestBody(form({ intervalSeconds: "ten" }), "create").intervalSeconds).toBe("ten");
  });

  it("builds Prometheus and push targets", () => {
    const prom = toRequestBody(
      form({
        kind: "prometheus",
        name: "API",
        url: "http://127.0.0.1:9100/metrics",
        memoryLimitMiB: "512",
        latencyMetric: "rpc_seconds",
      }),
      "create",
    );
    expect(prom).toMatchObject({
      kind: "prometheus",
      url: "http://127.0.0.1:9100/metrics",
      timeoutMs: 5000,
      mapping: { memoryLimitBytes: 512 * 1024 * 1024, latency: { metric: "rpc_seconds" } },
    });
    expect(prom).not.toHaveProperty("check");
    expect(CreateTargetInput.safeParse(prom).success).toBe(true);
    const push = toRequestBody(
      form({ kind: "push", name: "Nightly", slug: "nightly", intervalSeconds: "3600", heartbeats: false }),
      "create",
    );
    expect(push).toEqual({
      kind: "push",
      name: "Nightly",
      slug: "nightly",
      serviceGroup: "default",
      enabled: true,
      intervalSeconds: 3600,
      breachesToChange: 3,
      heartbeats: false,
    });
    expect(CreateTargetInput.safeParse(push).success).toBe(true);
  });

  it("round-trips a stored target, keeping settings the form does not show, and clears thresholds with null", () => {
    const stored = {
      kind: "prometheus" as const,
      name: "API",
      slug: "api",
      serviceGroup: "core",
      intervalSeconds: 30,
      breachesToChange: 2,
      enabled: true,
      thresholds: { memory_pct: { target: 70, warning: 85 } },
      config: {
        url: "http://127.0.0.1:9/metrics",
        timeoutMs: 3000,
        mapping: { memoryLimitBytes: 256 * 1024 * 1024, requests: { metric: "reqs", statusLabels: ["code"] } },
      },
    };
    const v = toFormValues(stored);
    expect(v).toMatchObject({
      memoryLimitMiB: "256",
      requestsMetric: "reqs",
      timeoutMs: "3000",
      thresholds: { memory_pct: { warning: "85", critical: "" } },
    });
    const body = toRequestBody(v, "edit");
    expect(body).not.toHaveProperty("kind");
    expect(body.mapping).toEqual(stored.config.mapping);
    expect(body.thresholds).toEqual(stored.thresholds);
    v.thresholds.memory_pct = { warning: "", critical: "" };
    v.keep.thresholds = {};
    expect(toRequestBody(v, "edit").thresholds).toBeNull();
  });
});

describe("placeFieldErrors", () => {
  it("puts API field errors next to the form's fields and keeps the rest", () => {
    const placed = placeFieldErrors({
      "check.url": ["url must be an http:// or https:// URL"],
      intervalSeconds: ["interval must be at least 10 seconds"],
      "check.expectedStatus.max": ["Invalid input"],
      "mapping.memoryLimitBytes": ["memory limit must be a positive number of bytes"],
      _: ["something general"],
    });
    expect(placed.fields).toEqual({
      url: "url must be an http:// or https:// URL",
      intervalSeconds: "interval must be at least 10 seconds",
      status: "Invalid input",
      memoryLimitMiB: "memory limit must be a positive number of bytes",
    });
    expect(placed.other).toEqual(["something general"]);
  });
});
