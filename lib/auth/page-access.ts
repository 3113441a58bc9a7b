// Pages that need more than a signed-in viewer, and pages whose `[id]` must be a UUID. The proxy
// answers these before rendering starts: once a page streams, its status is already 200, so a
// page's own redirect() or notFound() can only become a meta refresh. Add your page here.
import type { Role } from "@/lib/auth/roles";

/** Page templates (as in app/, without route groups) → the role they need. Default: any signed-in user. */
export const PAGE_ROLES: Record<string, Role> = {
  "/settings/users": "admin",
  "/settings/tokens": "admin",
  "/settings/audit": "admin",
  "/settings/triage": "admin",
  "/settings/notifications": "admin",
  "/settings/status-page": "admin",
  "/settings/incidents": "admin",
  "/health/targets/new": "admin",
  "/health/[id]/edit": "admin",
};

/** Page templates whose `[id]` segment is a UUID; anything else there is a 404. */
export const UUID_PAGES = ["/health/[id]", "/health/[id]/edit", "/settings/repositories/[id]", "/incidents/[id]"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function matches(template: string, path: string): boolean {
  const want = template.split("/");
  const have = path.replace(/\/+$/, "").split("/");
  return want.length === have.length && want.every((segment, i) => segment.startsWith("[") || segment === have[i]);
}

/** Static segments win over `[id]`: "/health/targets/new" is not "/health/[id]/edit". */
function specificity(template: string): number {
  return template.split("/").filter((s) => !s.startsWith("[")).length;
}

export function requiredPageRole(path: string): Role | null {
  const found = Object.keys(PAGE_ROLES)
    .filter((t) => matches(t, path))
    .sort((a, b) => specificity(b) - specificity(a))[0];
  return found ? PAGE_ROLES[found]! : null;
}

/** Static pages that sit beside an `[id]` folder: they win over it, as in Next's routing. */
const STATIC_BESIDE_ID = new Set(["/incidents/history", "/incidents/maintenance"]);

/** True when the path has the shape of a UUID page but its `[id]` is not a UUID. */
export function hasMalformedId(path: string): boolean {
  if (STATIC_BESIDE_ID.has(path.replace(/\/+$/, ""))) return false;
  const have = path.replace(/\/+$/, "").split("/");
  return UUID_PAGES.some(
    (t) => matches(t, path) && t.split("/").some((s, i) => s === "[id]" && !UUID.test(have[i] ?? "")),
  );
}
