import type { AuditRow } from "@/lib/audit/queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <EmptyState title="No audit entries">Sign-ins and user, role and token changes appear here.</EmptyState>;
  return (
    <Card title="Latest 100 entries">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-neutral-600 dark:text-neutral-400"><tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">Action</th><th className="py-2 pr-4">By</th><th className="py-2 pr-4">Target</th><th className="py-2 pr-4">Address</th><th className="py-2">Detail</th></tr></thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap py-2 pr-4">{formatDateTime(r.at)}</td>
                <td className="py-2 pr-4 font-mono text-xs">{r.action}</td>
                <td className="py-2 pr-4">{r.actor?.username ?? "—"}</td>
                <td className="py-2 pr-4">{r.target ?? "—"}</td>
                <td className="py-2 pr-4 font-mono text-xs">{r.ip ?? "—"}</td>
                <td className="py-2 font-mono text-xs">{r.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
