import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { assertSameOrigin, clientAddress } from "@/lib/auth/request";
import { clearSessionCookie } from "@/lib/auth/cookies";
import { SESSION_COOKIE, invalidateSessionToken, validateSessionToken } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { isJsonRequest } from "@/lib/http/body";
import { redirectTo } from "@/lib/http/redirect";

export const POST = withRoute("/api/auth/logout", async (request: NextRequest) => {
  assertSameOrigin(request);
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const session = await validateSessionToken(token);
    await invalidateSessionToken(token);
    if (session) await recordAudit({ action: "logout", actorId: session.user.id, ip: clientAddress(request) });
  }
  const response = isJsonRequest(request) ? NextResponse.json({ ok: true }) : redirectTo("/login?signedOut=1");
  clearSessionCookie(response);
  return response;
});
