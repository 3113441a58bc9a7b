import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { authorizePush, storePushedMetrics } from "@/lib/health/store/push";
import { PushMetricsBody } from "@/lib/health/schemas";
import { fastPushMetrics } from "@/lib/health/push-body";

/** Push API: KPI samples and heartbeats for push targets. Maintainer tokens; rate-limited per token. */
export const POST = withRoute("/api/v1/metrics", async (request: NextRequest) => {
  // Token check, role and rate limit: one round trip for a bearer token.
  await authorizePush(request);
  // Plainly valid batches skip zod's per-sample machinery (same result; push-body.test.ts); others get zod's messages.
  const body = await parseBody(request, PushMetricsBody, 256 * 1024, (raw) => fastPushMetrics(raw));
  // no-transform: gzip of a 100-byte answer costs the server more than it saves (senders push often).
  return NextResponse.json(await storePushedMetrics(body), {
    status: 202,
    headers: { "cache-control": "no-store, no-transform" },
  });
});
