// The session cookie: httpOnly, SameSite=Lax, Secure whenever the site is served over https.
import type { NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { SESSION_COOKIE } from "@/lib/auth/sessions";

function isHttps(request: NextRequest): boolean {
  const publicUrl = getEnv().STEWARD_PUBLIC_URL;
  if (publicUrl) return publicUrl.startsWith("https:");
  return (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
}

export function setSessionCookie(response: NextResponse, request: NextRequest, token: string, expiresAt: Date): void {
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(response: NextResponse): void {
  response.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 });
}
