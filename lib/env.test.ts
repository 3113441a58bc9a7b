import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "@/lib/env";

function errorOf(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

describe("loadEnv", () => {
  it("has working defaults for an empty environment", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      STEWARD_DATA_DIR: ".steward",
      STEWARD_WORKER: "inline",
      STEWARD_TRUST_PROXY: false,
    });
    expect(env).toMatchObject({
      STEWARD_HEALTH_RAW_RETENTION_DAYS: 14,
      STEWARD_HEALTH_CHECK_CONCURRENCY: 20,
      STEWARD_HEALTH_PUSH_RATE_LIMIT: 60,
      STEWARD_HEALTH_ALLOW_PRIVATE: true,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL: must look like postgresql://"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL: must look like postgresql://"],
    [{ PORT: "eighty" }, "PORT: must be a number"],
    [{ PORT: "70000" }, "PORT:"],
    [{ STEWARD_WORKER: "maybe" }, "STEWARD_WORKER: must be 'inline' or 'off'"],
    [{ STEWARD_TRUST_PROXY: "perhaps" }, "STEWARD_TRUST_PROXY: must be one of true/false"],
    [{ STEWARD_METRICS_TOKEN: "short" }, "STEWARD_METRICS_TOKEN: must be at least 16 characters"],
    [{ STEWARD_PUBLIC_URL: "steward.example.org" }, "STEWARD_PUBLIC_URL: must be an absolute URL"],
    [{ STEWARD_HEALTH_RAW_RETENTION_DAYS: "two weeks" }, "STEWARD_HEALTH_RAW_RETENTION_DAYS: must be a number"],
    [{ STEWARD_HEALTH_RAW_RETENTION_DAYS: "0" }, "STEWARD_HEALTH_RAW_RETENTION_DAYS:"],
    [{ STEWARD_HEALTH_CHECK_CONCURRENCY: "0" }, "STEWARD_HEALTH_CHECK_CONCURRENCY:"],
    [{ STEWARD_HEALTH_PUSH_RATE_LIMIT: "-1" }, "STEWARD_HEALTH_PUSH_RATE_LIMIT:"],
    [{ STEWARD_HEALTH_ALLOW_PRIVATE: "sometimes" }, "STEWARD_HEALTH_ALLOW_PRIVATE: must be one of true/false"],
  ])("explains a bad value: %j", (source, expected) => {
    expect(errorOf(source)).toContain(expected);
  });

  it("accepts a real Postgres URL and treats empty strings as unset", () => {
    expect(loadEnv({ DATABASE_URL: "postgresql://u:p@db.internal:5432/steward", PORT: "" })).toMatchObject({
      DATABASE_URL: "postgresql://u:p@db.internal:5432/steward",
      PORT: 3000,
    });
  });

  it("never echoes a secret value in its message", () => {
    expect(errorOf({ DATABASE_URL: "mysql://user:hunter2@host/db" })).not.toContain("hunter2");
  });
});

describe("STEWARD_REPOS uses the sync's own owner/name rule", () => {
  it("refuses names the sync would skip (an underscore or a dot in the owner, '..')", () => {
    expect(() => loadEnv({ STEWARD_REPOS: "acme/api, acme-labs/web.site" })).not.toThrow();
    for (const bad of ["ac_me/api", "acme.io/api", "acme/..", "-acme/api"]) {
      expect(() => loadEnv({ STEWARD_REPOS: bad }), bad).toThrow(/STEWARD_REPOS/);
    }
  });
});
