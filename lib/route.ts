// Wraps a route handler: one error shape, no stack traces, no caching, and request metrics by route template.
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/errors";
import { getMetrics } from "@/lib/observability/metrics";
import { applyApiHeaders } from "@/lib/http/security-headers";

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

export function withRoute<C = unknown>(route: string, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const metrics = getMetrics();
    const stopTimer = metrics.httpDuration.startTimer({ method: request.method, route });
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      response = errorResponse(error);
    }
    response = applyApiHeaders(response);
    stopTimer();
    metrics.httpRequests.inc({ method: request.method, route, status: String(response.status) });
    return response;
  };
}
