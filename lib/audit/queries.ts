import "server-only";
import { db } from "@/lib/db";

export async function listAuditLog({ limit = 100, before }: { limit?: number; before?: bigint } = {}) {
  const rows = await db.auditLog.findMany({
    where: before ? { id: { lt: before } } : undefined,
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, at: true, action: true, target: true, ip: true, detail: true, actor: { select: { username: true } } },
  });
  return rows.map((row) => ({ ...row, id: row.id.toString(), detail: row.detail === null ? null : JSON.stringify(row.detail) }));
}
export type AuditRow = Awaited<ReturnType<typeof listAuditLog>>[number];
