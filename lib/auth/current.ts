// Session lookup for server components and pages, memoised per request.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from "@/lib/auth/sessions";

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return (await validateSessionToken(token))?.user ?? null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages that need more than read access; the API behind them checks the role again. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) redirect(`/forbidden?need=${role}`);
  return user;
}
