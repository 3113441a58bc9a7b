// The metrics settings from the environment: ignored responders, the bug label, critical labels.
import { getEnv } from "@/lib/env";
import type { MetricsConfig } from "./types";

export function metricsConfig(): MetricsConfig {
  const env = getEnv();
  const list = (v: string) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    ignoreLogins: list(env.STEWARD_METRICS_IGNORE_LOGINS),
    bugLabel: env.STEWARD_METRICS_BUG_LABEL,
    criticalLabels: list(env.STEWARD_METRICS_CRITICAL_LABELS),
  };
}
