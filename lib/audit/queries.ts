import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromLocalInput } from "@/lib/time/format";
import { describeDetail, type AuditFilter } from "./filters";

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log, newest first; `from`/`to` are whole days in the team's time zone (`to` inclusive). */
export async function listAuditLog(
  filter: AuditFilter = {},
  { timeZone = "UTC", limit = AUDIT_PAGE_SIZE }: { timeZone?: string; limit?: number } = {},
) {
  const at: Prisma.DateTimeFilter = {};
  const from = filter.from ? fromLocalInput(`${filter.from}T00:00`, timeZone) : null;
  const to = filter.to ? fromLocalInput(`${filter.to}T00:00`, timeZone) : null;
  if (from) at.gte = from;
  if (to) at.lt = new Date(to.getTime() + 86_400_000);
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.before ? { id: { lt: BigInt(filter.before) } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.user ? { actor: { username: filter.user } } : {}),
    ...(from || to ? { at } : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      at: true,
      action: true,
      target: true,
      ip: true,
      detail: true,
      actor: { select: { username: true } },
    },
  });
  const page = rows.slice(0, limit).map((row) => ({
    ...row,
    id: row.id.toString(),
    at: row.at.toISOString(),
    detail: row.detail === null ? null : describeDetail(row.detail),
  }));
  return { rows: page, nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];

/** The actions and people that occur in the log, for the filter's choices. */
export async function listAuditFacets(): Promise<{ actions: string[]; users: string[] }> {
  const [actions, users] = await Promise.all([
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.user.findMany({ select: { username: true }, orderBy: { username: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), users: users.map((u) => u.username) };
}
