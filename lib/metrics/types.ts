// Shapes shared by the KPI queries, the report and the API. No database import.
import type { KpiUnit, GoodDirection } from "./definitions";

export type MetricsConfig = { ignoreLogins: string[]; bugLabel: string; criticalLabels: string[] };
export type WindowBounds = { start: Date; end: Date };
export type MetricsContext = { repoIds: string[]; windows: WindowBounds[]; config: MetricsConfig; now?: Date };
export type KpiValue = { value: number | null; count?: number };
export type KpiValues = Record<string, KpiValue>;

export type TargetStatus = "green" | "amber" | "red";
export type KpiResult = {
  id: string;
  value: number | null;
  unit: KpiUnit;
  count?: number;
  previous: {
    value: number | null;
    delta: number | null;
    good: GoodDirection;
    change: "better" | "worse" | "same" | null;
  };
  target?: { comparison: "lt" | "gte"; value: number; amber: number; text: string; status: TargetStatus | null };
  definition: string;
};
