// Cheap first gate for pages: no session cookie → /login. The session itself is verified on the
// server by every page (lib/auth/current.ts) and route handler (lib/auth/request.ts).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/constants";
import { getMetrics } from "@/lib/observability/metrics";
import { pathWithQuery } from "@/lib/http/redirect";

// "/status" is the public status page (exact path only; off → 404 until an admin enables it).
const PUBLIC_PAGES = new Set(["/login", "/setup", "/status"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  getMetrics().pageRequests.inc({ route: `/${pathname.split("/")[1] ?? ""}` });
  if (PUBLIC_PAGES.has(pathname) || request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  // Built from the Host header the browser sent, so it stays on the same host and keeps its cookies.
  const origin = `${request.nextUrl.protocol}//${request.headers.get("host") ?? request.nextUrl.host}`;
  const login = pathWithQuery("/login", { next: pathname === "/" ? undefined : `${pathname}${search}` });
  return NextResponse.redirect(new URL(login, origin), 307);
}

export const config = {
  // Pages only: API routes and /metrics answer 401 themselves; static assets are public.
  matcher: ["/((?!api/|metrics|_next/|favicon.ico|robots.txt).*)"],
};
