import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

function matchesMetricsToken(request: NextRequest, expected: string): boolean {
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Prometheus exposition of steward's own process and request metrics. */
export const GET = withRoute("/metrics", async (request: NextRequest) => {
  const token = getEnv().STEWARD_METRICS_TOKEN;
  if (!(token && matchesMetricsToken(request, token))) {
    // Without the scrape token, any valid session or API token may read the metrics.
    await requirePrincipal(request).catch((error: unknown) => {
      throw error instanceof ApiError && token
        ? new ApiError(401, "unauthorized", "Send Authorization: Bearer <STEWARD_METRICS_TOKEN>.")
        : error;
    });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
});
