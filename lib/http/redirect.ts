// Redirects with a relative Location, so the browser stays on the host and port it used
// (behind proxies and on 127.0.0.1 vs localhost alike) and keeps its cookies.
import { NextResponse } from "next/server";

export function redirectTo(pathWithQuery: string, status: 303 | 307 = 303): NextResponse {
  return new NextResponse(null, { status, headers: { location: pathWithQuery } });
}

export function pathWithQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
