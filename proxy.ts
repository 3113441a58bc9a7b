// First gate for pages, before anything renders (so statuses are real, not meta refreshes):
// no session cookie → /login; a role the page needs but the session lacks → /forbidden (403 for
// API-like requests); a malformed id → 404. Every page gets a CSP with a fresh nonce. Pages check
// the session again themselves (lib/auth/current.ts), route handlers too (lib/auth/request.ts).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/constants";
import { hasMalformedId, requiredPageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth/roles";
import { validateSessionToken } from "@/lib/auth/sessions";
import { pathWithQuery } from "@/lib/http/redirect";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "@/lib/http/security-headers";
import { getMetrics } from "@/lib/observability/metrics";

const PUBLIC_PAGES = new Set(["/login", "/setup"]);

/** Next turns a same-host absolute Location into a relative one; request.nextUrl is that host. */
function redirect(request: NextRequest, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, request.nextUrl), 307);
}

function isApiLike(request: NextRequest): boolean {
  if (request.headers.get("rsc") === "1") return false; // a client-side navigation
  return !(request.headers.get("accept") ?? "").includes("text/html");
}

async function gate(request: NextRequest): Promise<NextResponse | "not-found" | null> {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.has(pathname)) return null;
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const toLogin = () => redirect(request, pathWithQuery("/login", { next: pathname === "/" ? undefined : `${pathname}${search}` }));
  if (!cookie) return toLogin();
  if (hasMalformedId(pathname)) return "not-found";
  const need = requiredPageRole(pathname);
  if (!need) return null;
  const session = await validateSessionToken(cookie);
  if (!session) return toLogin();
  if (hasRole(session.user.role, need)) return null;
  if (isApiLike(request)) {
    return NextResponse.json({ error: { code: "forbidden", message: `This page needs the ${need} role.` } }, { status: 403 });
  }
  return redirect(request, pathWithQuery("/forbidden", { need }));
}

export async function proxy(request: NextRequest) {
  getMetrics().pageRequests.inc({ route: `/${request.nextUrl.pathname.split("/")[1] ?? ""}` });
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce);
  const early = await gate(request);
  let response: NextResponse;
  if (early instanceof NextResponse) {
    response = early;
  } else {
    // Next reads the nonce from the request's CSP header and puts it on its own inline scripts.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
    response = early
      ? NextResponse.rewrite(new URL("/_steward/not-found", request.nextUrl), { status: 404, request: { headers } }) // no such page: Next renders not-found
      : NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // Pages only: API routes and /metrics answer 401/403 themselves; static assets are public.
  matcher: ["/((?!api/|metrics|_next/|favicon.ico|robots.txt).*)"],
};
