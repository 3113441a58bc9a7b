// The one place that reads process.env. Everything else imports `env` (or calls loadEnv in scripts).
import { z } from "zod";
import { parseRepositoryName } from "@/lib/github/repository-name";
import { parseUpdateTargets } from "@/lib/deps/targets";
import { parseCadence } from "@/lib/releases/cadence";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    error: "must be one of true/false/1/0/yes/no/on/off",
  })
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must look like postgresql://user:password@host:5432/database");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number({ error: "must be a number" }).int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  STEWARD_DATA_DIR: z.string().trim().min(1).default(".steward"),
  STEWARD_PUBLIC_URL: z.url({ error: "must be an absolute URL such as https://steward.example.org" }).optional(),
  STEWARD_WORKER: z.enum(["inline", "off"], { error: "must be 'inline' or 'off'" }).default("inline"),
  STEWARD_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  STEWARD_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  STEWARD_TRUST_PROXY: booleanString.default(false),
  /** Set by `npm start` when it serves the embedded database; not for users to set. */
  STEWARD_EMBEDDED_DATABASE: booleanString.default(false),
  STEWARD_DEMO: booleanString.default(false),
  /** Keys encryption at rest (the GitHub token entered in Settings). Default: generated into STEWARD_DATA_DIR/secret. */
  STEWARD_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  STEWARD_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Days raw health samples are kept; minute rollups go with them, hour and day rollups stay. */
  STEWARD_HEALTH_RAW_RETENTION_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(3650).default(14),
  /** Health checks one process runs at the same time. */
  STEWARD_HEALTH_CHECK_CONCURRENCY: z.coerce.number({ error: "must be a number" }).int().min(1).max(500).default(20),
  /** Push API batches per API token (or user) per minute. */
  STEWARD_HEALTH_PUSH_RATE_LIMIT: z.coerce.number({ error: "must be a number" }).int().min(1).max(100_000).default(60),
  /** Whether checks may reach loopback and private addresses (metadata and link-local are always refused). */
  STEWARD_HEALTH_ALLOW_PRIVATE: booleanString.default(true),
  STEWARD_INCIDENTS_AUTO_RESOLVE: booleanString.default(false),
  /** GitHub's API root: https://api.github.com, or GitHub Enterprise Server's https://host/api. */
  GITHUB_API_URL: z
    .url({ error: "must be an absolute URL such as https://api.github.com" })
    .default("https://api.github.com"),
  /** Token the GitHub sync uses (read access to issues, pull requests, checks, Dependabot alerts). */
  GITHUB_TOKEN: z.string().trim().min(1).optional(),
  /** Webhook secret(s), comma-separated: one per installation or during a rotation. */
  GITHUB_WEBHOOK_SECRET: z.string().optional(),
  /** When the scheduled GitHub sync runs (cron, UTC). */
  STEWARD_GITHUB_SYNC_CRON: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4}\S+$/, "must be a five-field cron expression such as */15 * * * *")
    .default("*/15 * * * *"),
  /** Repositories to sync besides those added in Settings, e.g. "acme/api,acme/web". */
  STEWARD_REPOS: z
    .string()
    .trim()
    .refine(
      (v) => v.split(",").every((r) => parseRepositoryName(r) !== null),
      "must be owner/name pairs separated by commas (GitHub names: owner letters, digits and -)",
    )
    .optional(),
  /** Points of GitHub's hourly budget a sync leaves untouched (it stops and resumes after the reset). */
  STEWARD_GITHUB_RATE_RESERVE: z.coerce.number({ error: "must be a number" }).int().min(0).max(100_000).default(500),
  /** Dependency update targets over the defaults, e.g. "critical=12h,patch=7d,minor=14d" (units h, d, w). */
  STEWARD_DEPS_UPDATE_TARGETS: z
    .string()
    .trim()
    .refine((v) => {
      try {
        parseUpdateTargets(v);
        return true;
      } catch {
        return false;
      }
    }, "must look like critical=24h,high=24h,moderate=24h,low=24h,patch=7d,minor=14d")
    .optional(),
  /** npm registry the outdated-dependency check asks (a mirror works). */
  STEWARD_NPM_REGISTRY_URL: z
    .url({ error: "must be an absolute URL such as https://registry.npmjs.org" })
    .default("https://registry.npmjs.org"),
  /** PyPI JSON API root the outdated-dependency check asks (a mirror works). */
  STEWARD_PYPI_URL: z
    .url({ error: "must be an absolute URL such as https://pypi.org/pypi" })
    .default("https://pypi.org/pypi"),
  /** Release cadence targets over the defaults, e.g. "minor=90d-180d,major=365d" (units d, w). */
  STEWARD_RELEASE_CADENCE: z
    .string()
    .trim()
    .refine((v) => {
      try {
        parseCadence(v);
        return true;
      } catch {
        return false;
      }
    }, "must look like minor=90d-180d,major=365d")
    .optional(),
  /** Metrics: logins never counted as responders (comma-separated), besides bots, deleted users and the author. */
  STEWARD_METRICS_IGNORE_LOGINS: z.string().trim().default(""),
  /** Metrics: the label that makes an issue a bug (Bug MTTR), case-insensitive. */
  STEWARD_METRICS_BUG_LABEL: z.string().trim().min(1).default("bug"),
  /** Metrics: labels that make an issue critical (P0), comma-separated, case-insensitive. */
  STEWARD_METRICS_CRITICAL_LABELS: z.string().trim().min(1).default("P0"),
  /** Days of default-branch history (commits with their check suites) the sync keeps for reports. */
  STEWARD_GITHUB_HISTORY_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(3650).default(400),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment (default: process.env). Empty strings count as unset. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return parsed.data;
}

let cached: Env | undefined;

/** Tests that change process.env: the next getEnv() reads it again. */
export function resetEnvCache(): void {
  cached = undefined;
}

// On globalThis: Next.js bundles its own copy of this module into the same process as scripts/start.ts.
const provided = globalThis as unknown as { stewardProvidedEnv?: Record<string, string> };

/**
 * Values the process decides at start (the embedded database's URL), given to getEnv() explicitly
 * instead of being written into process.env after it was parsed.
 */
export function provideEnv(values: Partial<Record<keyof Env, string>>): void {
  provided.stewardProvidedEnv = { ...provided.stewardProvidedEnv, ...(values as Record<string, string>) };
  cached = undefined;
}

/** The parsed configuration of this process (process.env plus provideEnv values), validated on first use. */
export function getEnv(): Env {
  cached ??= loadEnv({ ...process.env, ...provided.stewardProvidedEnv });
  return cached;
}
