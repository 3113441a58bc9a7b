// Triage KPIs: the share answered within the priority's target.
import { type KpiSpec } from "./shared";

const TRIAGE_BASE =
  "Of the issues and pull requests created in the window whose response clock has stopped or run out (answered, answered late, or breached), the share answered within their priority's target (Settings → Triage; the runbook's 24 h / 3 days / 1 week / 2 weeks, and 48 h to triage an unlabelled item), evaluated as of now by the triage feature. No value when none is decided.";
/** Computed by lib/metrics/triage-kpis.ts from the triage feature's evaluation. */
export const TRIAGE_SPECS: KpiSpec[] = [
  {
    id: "triage.within_target",
    label: "Answered within target",
    unit: "ratio",
    good: "up",
    group: "triage",
    definition: `${TRIAGE_BASE} All priorities and untriaged items.`,
  },
  ...(["P0", "P1", "P2", "P3"] as const).map((p): KpiSpec => ({
    id: `triage.within_target.${p}`,
    label: `${p} answered within target`,
    unit: "ratio",
    good: "up",
    group: "triage",
    definition: `${TRIAGE_BASE} ${p} items only.`,
  })),
];
