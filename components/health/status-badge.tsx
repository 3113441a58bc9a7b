import type { TargetStatus } from "@/lib/health/views/queries";
import { Badge } from "@/components/ui/badge";

const STATUS = {
  ok: { tone: "green", label: "OK" },
  warning: { tone: "amber", label: "warning" },
  critical: { tone: "red", label: "critical" },
  pending: { tone: "sky", label: "pending" },
  disabled: { tone: "neutral", label: "disabled" },
} as const;

/** A target's state (or one KPI's level): always a word, never colour alone. */
export function StatusBadge({ status }: { status: TargetStatus }) {
  const { tone, label } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
