import { NextResponse, type NextRequest } from "next/server";
import { ApiError, validationError } from "@/lib/errors";
import { countUsers } from "@/lib/users/queries";
import { isJsonRequest, readBody } from "@/lib/http/body";
import { pathWithQuery, redirectTo } from "@/lib/http/redirect";
import { withRoute } from "@/lib/route";
import { assertSameOrigin, clientAddress } from "@/lib/auth/request";
import { setSessionCookie } from "@/lib/auth/cookies";
import { createSession } from "@/lib/auth/sessions";
import { createFirstAdmin } from "@/lib/users/mutations";
import { SetupInput } from "@/lib/users/schemas";

/** First run only: creates the admin account and signs it in. */
export const POST = withRoute("/api/auth/setup", async (request: NextRequest) => {
  assertSameOrigin(request);
  if ((await countUsers()) > 0) throw new ApiError(409, "conflict", "Setup is already complete. Sign in instead.");
  const json = isJsonRequest(request);
  const body = await readBody(request);
  const parsed = SetupInput.safeParse(body);
  if (!parsed.success) {
    if (json) throw validationError(parsed.error);
    return redirectTo(pathWithQuery("/setup", { error: parsed.error.issues.map((i) => i.message).join(" ") }));
  }
  const ip = clientAddress(request);
  const user = await createFirstAdmin(parsed.data, ip);
  const session = await createSession(user.id, { ip, userAgent: request.headers.get("user-agent") ?? undefined });
  const response = json ? NextResponse.json({ user }, { status: 201 }) : redirectTo("/today");
  setSessionCookie(response, request, session.token, session.expiresAt);
  return response;
});
