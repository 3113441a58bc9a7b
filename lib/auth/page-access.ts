// Pages that need more than a signed-in viewer, and pages that show one record by the `[param]`s of
// their path. The proxy answers these before rendering starts: once a page streams, its status is
// already 200, so a page's own redirect() or notFound() can only become a meta refresh or a 200 with
// a not-found body. Add your page here.
import { db } from "@/lib/db";
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

type Params = Record<string, string>;
type RecordPage = {
  /** The `[id]` must be a UUID: anything else there is a 404 without a lookup. */
  uuid: boolean;
  /** One indexed lookup: does the record the page shows exist? */
  exists: (params: Params) => Promise<boolean>;
};

const found = async (row: Promise<unknown>) => (await row) !== null;
const healthTarget = ({ id }: Params) => found(db.healthTarget.findUnique({ where: { id }, select: { id: true } }));

/** Page templates that show one record → how to tell whether it exists. Every `[param]` page in app/ is here. */
export const RECORD_PAGES: Record<string, RecordPage> = {
  "/health/[id]": { uuid: true, exists: healthTarget },
  "/health/[id]/edit": { uuid: true, exists: healthTarget },
  "/incidents/[id]": {
    uuid: true,
    exists: ({ id }) => found(db.incident.findUnique({ where: { id }, select: { id: true } })),
  },
  "/settings/repositories/[id]": {
    uuid: true,
    exists: ({ id }) => found(db.githubRepository.findUnique({ where: { id }, select: { id: true } })),
  },
  "/repositories/[owner]/[name]": {
    uuid: false,
    exists: ({ owner, name }) =>
      found(db.githubRepository.findUnique({ where: { key: `${owner}/${name}`.toLowerCase() }, select: { id: true } })),
  },
};

/** Page templates whose `[id]` segment is a UUID; anything else there is a 404. */
export const UUID_PAGES = Object.keys(RECORD_PAGES).filter((t) => RECORD_PAGES[t]!.uuid);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const segmentsOf = (path: string) => path.replace(/\/+$/, "").split("/");

function matches(template: string, path: string): boolean {
  const want = template.split("/");
  const have = segmentsOf(path);
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

const isStaticBesideId = (path: string) => STATIC_BESIDE_ID.has(segmentsOf(path).join("/"));

/** True when the path has the shape of a UUID page but its `[id]` is not a UUID. */
export function hasMalformedId(path: string): boolean {
  if (isStaticBesideId(path)) return false;
  const have = segmentsOf(path);
  return UUID_PAGES.some(
    (t) => matches(t, path) && t.split("/").some((s, i) => s === "[id]" && !UUID.test(have[i] ?? "")),
  );
}

/** The record page a path opens and its decoded `[param]`s (null when one cannot be decoded); null for any other page. */
export function recordPageOf(path: string): { template: string; params: Params | null } | null {
  if (isStaticBesideId(path)) return null;
  const template = Object.keys(RECORD_PAGES).find((t) => matches(t, path));
  if (!template) return null;
  const have = segmentsOf(path);
  try {
    const params = Object.fromEntries(
      template
        .split("/")
        .map((s, i) => [s, have[i]!] as const)
        .filter(([s]) => s.startsWith("["))
        .map(([s, value]) => [s.slice(1, -1), decodeURIComponent(value)]),
    );
    return { template, params };
  } catch {
    return { template, params: null };
  }
}

/** False when the path opens a record page whose record does not exist (a malformed id counts as missing). */
export async function recordExists(path: string): Promise<boolean> {
  const page = recordPageOf(path);
  if (!page) return true;
  if (!page.params) return false;
  const { uuid, exists } = RECORD_PAGES[page.template]!;
  if (uuid && !Object.values(page.params).every((v) => UUID.test(v))) return false;
  return exists(page.params);
}
