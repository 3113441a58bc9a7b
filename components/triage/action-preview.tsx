"use client";
import type { PlannedItem, Step } from "@/lib/triage/actions/plan";
import { Button } from "@/components/ui/button";

function StepLine({ step }: { step: Step }) {
  switch (step.op) {
    case "add_labels":
      return (
        <>
          <code>addLabelsToLabelable</code> {step.labels.map((l) => l.name).join(", ")}
        </>
      );
    case "remove_labels":
      return (
        <>
          <code>removeLabelsFromLabelable</code> {step.labels.map((l) => l.name).join(", ")}
        </>
      );
    case "comment":
      return (
        <>
          <code>addComment</code>
          <blockquote className="mt-1 whitespace-pre-wrap border-l-2 border-neutral-300 pl-2 text-neutral-700 dark:border-neutral-700 dark:text-neutral-300">
            {step.body}
          </blockquote>
        </>
      );
    case "close":
      return (
        <>
          <code>closeIssue</code> as not planned
        </>
      );
  }
}

/** Exactly what will be sent to GitHub, item by item, before anything is sent. */
export function ActionPreview({
  plan,
  pending,
  onSend,
  onCancel,
}: {
  plan: PlannedItem[];
  pending: boolean;
  onSend: () => void;
  onCancel: () => void;
}) {
  const sending = plan.filter((p) => p.steps.length > 0);
  return (
    <div className="space-y-2 text-sm" aria-label="Preview">
      <p className="font-medium">
        Preview — {sending.length} of {plan.length} item(s) will change on GitHub:
      </p>
      <ul className="space-y-1">
        {plan.map((p) => (
          <li key={p.itemId}>
            <span className="font-medium">{p.ref}</span>{" "}
            {p.skipped ? (
              <span className="text-neutral-600 dark:text-neutral-400">— skipped: {p.skipped}</span>
            ) : (
              <ol className="ml-5 list-decimal">
                {p.steps.map((s, i) => (
                  <li key={i}>
                    <StepLine step={s} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button type="button" disabled={pending || sending.length === 0} onClick={onSend}>
          {pending ? "Sending…" : "Send to GitHub"}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
