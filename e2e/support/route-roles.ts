// The one table of who may call what, read by the role × route matrix (e2e/role-matrix.api.spec.ts).
// Every route handler and page in app/ must be listed: a new one fails the matrix until it is added
// here. Lowering a route's role in the code (or here) makes the matrix fail. Add your routes here.
import type { Role } from "@/lib/auth/roles";

/** `public`: anyone; a role: that role or higher; `signed`: only a valid webhook signature (refused to everyone else). */
export type Requirement = "public" | "signed" | Role;

/** "METHOD /path" (as in app/, route groups dropped, `[param]` kept) → who may call it. */
export const API_ROUTE_ROLES: Record<string, Requirement> = {
  "GET /api/health": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "public",
  "POST /api/auth/setup": "public",
  "POST /api/webhooks/github": "signed",
  "GET /api/me": "viewer",
  "GET /metrics": "viewer",
  "GET /api/health-targets": "viewer",
  "GET /api/health-targets/[id]": "viewer",
  "GET /api/health-targets/[id]/series": "viewer",
  "GET /api/repositories": "viewer",
  "GET /api/repositories/[id]/sync": "viewer",
  "POST /api/repositories/[id]/sync": "maintainer",
  "POST /api/v1/metrics": "maintainer",
  "GET /api/team": "viewer",
  "PUT /api/team": "admin",
  "GET /api/triage/queue": "viewer",
  "GET /api/triage/summary": "viewer",
  "POST /api/triage/actions": "maintainer",
  "GET /api/v1/triage": "viewer",
  "GET /api/v1/triage/summary": "viewer",
  "GET /api/v1/dependencies": "viewer",
  "GET /api/v1/releases": "viewer",
  "GET /api/admin/triage-settings/[id]": "admin",
  "PUT /api/admin/triage-settings/[id]": "admin",
  "PUT /api/admin/github-token": "admin",
  "DELETE /api/admin/github-token": "admin",
  "GET /api/admin/health-targets": "admin",
  "POST /api/admin/health-targets": "admin",
  "GET /api/admin/health-targets/[id]": "admin",
  "PATCH /api/admin/health-targets/[id]": "admin",
  "DELETE /api/admin/health-targets/[id]": "admin",
  "POST /api/admin/repositories": "admin",
  "PATCH /api/admin/repositories/[id]": "admin",
  "DELETE /api/admin/repositories/[id]": "admin",
  "GET /api/admin/tokens": "admin",
  "POST /api/admin/tokens": "admin",
  "DELETE /api/admin/tokens/[id]": "admin",
  "GET /api/admin/users": "admin",
  "POST /api/admin/users": "admin",
  "PATCH /api/admin/users/[id]": "admin",
};

/**
 * Routes whose permitted call would change shared state even with an empty body (no id to miss):
 * the matrix checks only that lower roles are refused.
 */
export const DESTRUCTIVE_WITHOUT_ID = new Set(["DELETE /api/admin/github-token"]);

/** Page path (as in app/) → who may open it. */
export const PAGE_ROLES: Record<string, Requirement> = {
  "/": "viewer",
  "/login": "public",
  "/setup": "public",
  "/forbidden": "viewer",
  "/today": "viewer",
  "/triage": "viewer",
  "/kpis": "viewer",
  "/incidents": "viewer",
  "/dependencies": "viewer",
  "/releases": "viewer",
  "/health": "viewer",
  "/health/[id]": "viewer",
  "/health/[id]/edit": "admin",
  "/health/targets/new": "admin",
  "/repositories": "viewer",
  "/repositories/[owner]/[name]": "viewer",
  "/settings": "viewer",
  "/settings/repositories": "viewer",
  "/settings/repositories/[id]": "viewer",
  "/settings/team": "viewer",
  "/settings/triage": "admin",
  "/[...missing]": "viewer",
  "/settings/users": "admin",
  "/settings/tokens": "admin",
  "/settings/audit": "admin",
};
