// What a triage action will send to GitHub, item by item (pure): the preview shows exactly this,
// and execution sends exactly this.
import { priorityOfLabel } from "../rules/labels";
import type { TriageAction, TriageConfig } from "../schemas";

export type LabelRef = { id: string; name: string };
export type Step =
  | { op: "add_labels"; labels: LabelRef[] }
  | { op: "remove_labels"; labels: LabelRef[] }
  | { op: "comment"; body: string }
  | { op: "close"; stateReason: "NOT_PLANNED" };

export type PlanTarget = {
  id: string;
  repoId: string;
  repoKey: string;
  number: number;
  kind: "issue" | "pull_request";
  open: boolean;
  labels: string[];
};
export type PlannedItem = { itemId: string; ref: string; steps: Step[]; skipped: string | null };

const norm = (s: string) => s.toLowerCase();

function findLabel(repoLabels: readonly LabelRef[], name: string): LabelRef | undefined {
  return repoLabels.find((l) => norm(l.name) === norm(name));
}

function onItem(item: PlanTarget, repoLabels: readonly LabelRef[], names: string[]): LabelRef[] {
  return names
    .flatMap((n) =>
      item.labels.some((l) => norm(l) === norm(n)) ? [findLabel(repoLabels, n) ?? { id: "", name: n }] : [],
    )
    .filter((l) => l.id);
}

export function planItem(
  item: PlanTarget,
  action: TriageAction,
  config: TriageConfig,
  repoLabels: readonly LabelRef[],
): PlannedItem {
  const ref = `${item.repoKey}#${item.number}`;
  const plan = (steps: Step[]): PlannedItem => {
    const useful = steps.filter((s) => !("labels" in s) || s.labels.length > 0);
    return { itemId: item.id, ref, steps: useful, skipped: useful.length ? null : "Nothing to change." };
  };
  const skip = (reason: string): PlannedItem => ({ itemId: item.id, ref, steps: [], skipped: reason });
  if (!item.open) return skip("Closed on GitHub.");
  switch (action.kind) {
    case "set_priority": {
      const names = config.priorityLabels[action.priority];
      const label = names.map((n) => findLabel(repoLabels, n)).find(Boolean);
      if (!label)
        return skip(
          `No ${action.priority} label exists in ${item.repoKey}: create one of ${names.join(", ")} on GitHub first.`,
        );
      const has = item.labels.some((l) => norm(l) === norm(label.name));
      const others = item.labels.filter((l) => norm(l) !== norm(label.name) && priorityOfLabel(l, config) !== null);
      return plan([
        ...(has ? [] : [{ op: "add_labels" as const, labels: [label] }]),
        { op: "remove_labels", labels: onItem(item, repoLabels, others) },
      ]);
    }
    case "labels": {
      const missing = action.add.filter((n) => !findLabel(repoLabels, n));
      if (missing.length) return skip(`No such label in ${item.repoKey}: ${missing.join(", ")}.`);
      const add = action.add
        .filter((n) => !item.labels.some((l) => norm(l) === norm(n)))
        .map((n) => findLabel(repoLabels, n) as LabelRef);
      return plan([
        { op: "add_labels", labels: add },
        { op: "remove_labels", labels: onItem(item, repoLabels, action.remove) },
      ]);
    }
    case "comment":
      return plan([{ op: "comment", body: action.body }]);
    case "stale_ask":
      return plan([{ op: "comment", body: config.staleComment }]);
    case "stale_close": {
      if (item.kind !== "issue") return skip("closeIssue closes issues only: close pull requests on GitHub.");
      const label = findLabel(repoLabels, config.staleLabel);
      if (!label) return skip(`No ${config.staleLabel} label exists in ${item.repoKey}: create it on GitHub first.`);
      const has = item.labels.some((l) => norm(l) === norm(label.name));
      return plan([
        ...(has ? [] : [{ op: "add_labels" as const, labels: [label] }]),
        { op: "close", stateReason: "NOT_PLANNED" },
      ]);
    }
  }
}
