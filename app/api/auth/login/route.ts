import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { parseBody, isJsonRequest } from "@/lib/http/body";
import { pathWithQuery, redirectTo } from "@/lib/http/redirect";
import { withRoute } from "@/lib/route";
import { assertSameOrigin, clientAddress } from "@/lib/auth/request";
import { setSessionCookie } from "@/lib/auth/cookies";
import { loginWithPassword } from "@/lib/auth/login";
import { LoginInput, safeNextPath } from "@/lib/users/schemas";

export const POST = withRoute("/api/auth/login", async (request: NextRequest) => {
  assertSameOrigin(request);
  const json = isJsonRequest(request);
  const input = await parseBody(request, LoginInput);
  // Decided before a session exists, so nothing after a successful password check can fail.
  const next = safeNextPath(input.next);
  const result = await loginWithPassword(input.username, input.password, {
    ip: clientAddress(request),
    userAgent: request.headers.get("user-agent") ?? undefined,
  });
  if (!result.ok) {
    if (json) {
      if (result.reason === "throttled") {
        throw new ApiError(429, "too_many_requests", "Too many failed sign-ins. Try again later.", undefined, {
          "retry-after": String(result.retryAfterSeconds),
        });
      }
      throw new ApiError(401, "unauthorized", "Wrong username or password.");
    }
    return redirectTo(
      pathWithQuery("/login", {
        error: result.reason,
        username: input.username,
        retry: result.reason === "throttled" ? String(result.retryAfterSeconds) : undefined,
        next: input.next ? next : undefined,
      }),
    );
  }
  const response = json ? NextResponse.json({ ok: true, next }) : redirectTo(next);
  setSessionCookie(response, request, result.token, result.expiresAt);
  return response;
});
