// First gate for pages, before anything renders (so statuses are real, not meta refreshes):
// no session cookie → /login; a role the page needs but the session lacks → /forbidden (403 for
// API-like requests); a malformed id, or an id of a record that does not exist → 404. Every page
// gets a CSP with a fresh nonce. Pages check the session again themselves (lib/auth/current.ts),
// route handlers too (lib/auth/request.ts).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/constants";
import { hasMalformedId, recordExists, recordPageOf, requiredPageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth/roles";
import { validateSessionToken } from "@/lib/auth/sessions";
import { pathWithQuery } from "@/lib/http/redirect";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "@/lib/http/security-headers";
import { getMetrics } from "@/lib/observability/metrics";

// "/status" is the public status page (exact path only; off → 404 until an admin enables it).
const PUBLIC_PAGES = new Set(["/login", "/setup", "/status"]);
// Answered here, not by a rewrite: app/(app)/[...missing] would stream the not-found page with a 200.
const NOT_FOUND_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found · steward</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:28rem;margin:6rem auto;padding:0 1.5rem;text-align:center"><h1>Page not found</h1><p>There is nothing at this address.</p><p><a href="/today">Go to Today</a></p></body></html>`;

/** Next turns a same-host absolute Location into a relative one; request.nextUrl is that host. */
function redirect(request: NextRequest, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, request.nextUrl), 307);
}

function isApiLike(request: NextRequest): boolean {
  if (request.headers.get("rsc") === "1") return false; // a client-side navigation
  return !(request.headers.get("accept") ?? "").includes("text/html");
}

async function gate(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.has(pathname)) return null;
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const toLogin = () =>
    redirect(request, pathWithQuery("/login", { next: pathname === "/" ? undefined : `${pathname}${search}` }));
  if (!cookie) return toLogin();
  const notFound = () =>
    new NextResponse(NOT_FOUND_HTML, { status: 404, headers: { "content-type": "text/html; charset=utf-8" } });
  if (hasMalformedId(pathname)) return notFound();
  const need = requiredPageRole(pathname);
  const showsRecord = recordPageOf(pathname) !== null;
  if (!need && !showsRecord) return null;
  // The session first: only a signed-in user with the page's role learns whether a record exists.
  const session = await validateSessionToken(cookie);
  if (!session) return toLogin();
  if (!need || hasRole(session.user.role, need))
    return showsRecord && !(await recordExists(pathname)) ? notFound() : null;
  if (isApiLike(request)) {
    return NextResponse.json(
      { error: { code: "forbidden", message: `This page needs the ${need} role.` } },
      { status: 403 },
    );
  }
  return redirect(request, pathWithQuery("/forbidden", { need }));
}

export async function proxy(request: NextRequest) {
  getMetrics().pageRequests.inc({ route: `/${request.nextUrl.pathname.split("/")[1] ?? ""}` });
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce);
  const early = await gate(request);
  let response = early;
  if (!response) {
    // Next reads the nonce from the request's CSP header and puts it on its own inline scripts.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
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
