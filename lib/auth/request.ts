// Authentication and CSRF checks for route handlers: a bearer API token or the session cookie.
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { hasRole, type Role } from "@/lib/auth/roles";
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from "@/lib/auth/sessions";
import { authenticateApiToken, type TokenPrincipal } from "@/lib/auth/api-tokens";

export type Principal =
  { kind: "session"; sessionId: string; user: SessionUser; role: Role } | ({ kind: "token" } & TokenPrincipal);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The client's address. Without a trusted proxy, only the hop Next.js itself appended is believed. */
export function clientAddress(request: Request): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const address = getEnv().STEWARD_TRUST_PROXY ? hops[0] : hops[hops.length - 1];
  return address || request.headers.get("x-real-ip") || "unknown";
}

/** Rejects cross-site state changes: the Origin must be this site (or STEWARD_PUBLIC_URL). */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const allowed = new Set<string>();
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  const publicUrl = getEnv().STEWARD_PUBLIC_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  if (!origin || !allowed.has(origin)) {
    throw new ApiError(403, "forbidden", "Cross-site request refused: the Origin header does not match this site.");
  }
}

/** The bearer token of the Authorization header, if any: when present, it alone authenticates the request. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export async function authenticateRequest(request: NextRequest): Promise<Principal | null> {
  const token = bearerToken(request);
  if (token) {
    const principal = await authenticateApiToken(token);
    return principal ? { kind: "token", ...principal } : null;
  }
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (!cookie) return null;
  const session = await validateSessionToken(cookie);
  return session
    ? { kind: "session", sessionId: session.sessionId, user: session.user, role: session.user.role }
    : null;
}

export const unauthorized = () =>
  new ApiError(401, "unauthorized", "Sign in or send an API token (Authorization: Bearer stw_…).");

export const roleTooSmall = (role: Role, actual: Role) =>
  new ApiError(403, "forbidden", `This action needs the ${role} role; you have ${actual}.`);

/** 401 without credentials, 403 with too small a role or a cross-site cookie request. */
export async function requirePrincipal(request: NextRequest, role: Role = "viewer"): Promise<Principal> {
  const principal = await authenticateRequest(request);
  if (!principal) throw unauthorized();
  if (principal.kind === "session") assertSameOrigin(request);
  if (!hasRole(principal.role, role)) throw roleTooSmall(role, principal.role);
  return principal;
}

export function actorId(principal: Principal): string | null {
  return principal.kind === "session" ? principal.user.id : null;
}

/** Who did something, for the audit log and "updated by" notes. */
export type Actor = { id: string | null; username: string | null; ip: string };

export function actorOf(principal: Principal, request: Request): Actor {
  const username = principal.kind === "session" ? principal.user.username : `token ${principal.name}`;
  return { id: actorId(principal), username, ip: clientAddress(request) };
}
