// The typed config of a stored target. Kept apart from targets.ts (which answers API errors, and so
// imports next/server): job code runs in the worker, where Next.js must not be loaded early.
import type { z } from "zod";
import type { HealthTarget, Prisma } from "@/lib/generated/prisma/client";
import { HttpCheckInput, PrometheusTargetConfig, PushTargetConfig, type HttpCheck } from "../schemas";
import { joinSecrets, openSecrets } from "./target-secrets";

export type TargetConfig =
  | { kind: "http"; check: HttpCheck }
  | ({ kind: "prometheus" } & z.output<typeof PrometheusTargetConfig>)
  | ({ kind: "push" } & z.output<typeof PushTargetConfig>);

/** Parses the JSON column again: it is only as trustworthy as whatever last wrote it. */
export function targetConfig(target: Pick<HealthTarget, "kind" | "config">): TargetConfig {
  switch (target.kind) {
    case "http":
      return { kind: "http", check: HttpCheckInput.parse(target.config) };
    case "prometheus":
      return { kind: "prometheus", ...PrometheusTargetConfig.parse(target.config) };
    case "push":
      return { kind: "push", ...PushTargetConfig.parse(target.config) };
  }
}

/** The config a check runs with: secrets (stored sealed, see target-secrets.ts) put back in. */
export function checkConfig(target: Pick<HealthTarget, "kind" | "config" | "secrets">): TargetConfig {
  return targetConfig({
    kind: target.kind,
    config: joinSecrets(
      target.kind,
      target.config as Record<string, unknown>,
      openSecrets(target.secrets),
    ) as Prisma.JsonValue,
  });
}
