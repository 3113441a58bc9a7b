import { Badge } from "@/components/ui/badge";
import type { SlaState } from "@/lib/deps/targets";

const SLA: Record<SlaState, { tone: "red" | "amber" | "green" | "neutral"; text: string }> = {
  breached: { tone: "red", text: "breached" },
  due_soon: { tone: "amber", text: "due soon" },
  within: { tone: "green", text: "within target" },
  unknown: { tone: "neutral", text: "unknown" },
};

export function SlaBadge({ sla }: { sla: SlaState }) {
  return (
    <span data-testid="sla">
      <Badge tone={SLA[sla].tone}>{SLA[sla].text}</Badge>
    </span>
  );
}

const CLASS_TONE: Record<string, "red" | "amber" | "sky" | "neutral"> = {
  security: "red",
  major: "amber",
  minor: "sky",
  patch: "neutral",
};

export function ClassBadge({ cls }: { cls: string }) {
  return <Badge tone={CLASS_TONE[cls] ?? "neutral"}>{cls}</Badge>;
}

export function CiBadge({ state }: { state: string | null }) {
  if (!state) return <span className="text-neutral-500">no checks</span>;
  const tone = state === "SUCCESS" ? "green" : state === "FAILURE" || state === "ERROR" ? "red" : "amber";
  return <Badge tone={tone}>{state.toLowerCase()}</Badge>;
}

export function ReviewText({ state }: { state: string | null }) {
  const text: Record<string, string> = {
    APPROVED: "approved",
    CHANGES_REQUESTED: "changes requested",
    REVIEW_REQUIRED: "review required",
  };
  return <span>{state ? (text[state] ?? state.toLowerCase()) : "no review required"}</span>;
}
