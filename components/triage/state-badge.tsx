import { Badge } from "@/components/ui/badge";
import type { ItemState, Priority, StaleAction } from "@/lib/triage/schemas";

const STATE: Record<ItemState, { label: string; tone: "green" | "amber" | "red" | "neutral" | "sky" }> = {
  within: { label: "Within target", tone: "sky" },
  due_soon: { label: "Due soon", tone: "amber" },
  breached: { label: "Breached", tone: "red" },
  responded: { label: "Responded", tone: "green" },
  responded_late: { label: "Responded late", tone: "neutral" },
};

export function StateBadge({ state }: { state: ItemState }) {
  return <Badge tone={STATE[state].tone}>{STATE[state].label}</Badge>;
}

export function PriorityBadge({ priority }: { priority: Priority | null }) {
  if (!priority) return <Badge tone="amber">Untriaged</Badge>;
  return <Badge tone={priority === "P0" ? "red" : priority === "P1" ? "amber" : "neutral"}>{priority}</Badge>;
}

export function StaleBadge({ stale }: { stale: StaleAction | null }) {
  if (!stale) return null;
  return <Badge tone="neutral">{stale === "ask" ? "Stale: ask" : "Stale: close"}</Badge>;
}
