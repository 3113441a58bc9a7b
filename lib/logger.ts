// Structured one-line JSON logs. Known secret-bearing keys are redacted before anything is written.
import { getEnv } from "@/lib/env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|hash/i;

function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]),
  );
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  let threshold: Level = "info";
  try {
    threshold = getEnv().STEWARD_LOG_LEVEL;
  } catch {
    // configuration errors are reported elsewhere; keep logging at the default level
  }
  if (LEVELS[level] < LEVELS[threshold]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...(redact(fields ?? {}) as object) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
