// How KPI values read to people, shared by the page, the Markdown report and CSV. Pure.
import type { KpiUnit } from "./definitions";
import type { KpiResult } from "./types";

export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? "−" : "";
  if (s < 60) return `${sign}${s} s`;
  if (s < 3600) return `${sign}${Math.round(s / 60)} min`;
  if (s < 86_400) return `${sign}${(s / 3600).toFixed(1)} h`;
  return `${sign}${(s / 86_400).toFixed(1)} d`;
}

export function formatValue(unit: KpiUnit, value: number | null): string {
  if (value === null) return "—";
  switch (unit) {
    case "seconds":
      return formatDuration(value);
    case "ratio":
      return `${(value * 100).toFixed(1)} %`;
    case "percent":
      return `${value.toFixed(value >= 99 && value < 100 ? 2 : 1)} %`;
    case "ms":
      return `${Math.round(value)} ms`;
    case "per_second":
      return `${value.toFixed(1)}/s`;
    case "bytes":
      return `${Math.round(value / 1_048_576)} MiB`;
    default:
      return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(2);
  }
}

export function formatDelta(unit: KpiUnit, delta: number | null): string {
  if (delta === null) return "—";
  if (delta === 0) return "±0";
  const sign = delta > 0 ? "+" : "−";
  if (unit === "ratio") return `${sign}${Math.abs(delta * 100).toFixed(1)} pp`;
  if (unit === "percent") return `${sign}${Math.abs(delta).toFixed(2)} pp`;
  return `${sign}${formatValue(unit, Math.abs(delta))}`;
}

export const CHANGE_TEXT: Record<NonNullable<KpiResult["previous"]["change"]>, string> = {
  better: "better",
  worse: "worse",
  same: "same",
};

export function changeText(k: KpiResult): string {
  return k.previous.change ? CHANGE_TEXT[k.previous.change] : k.previous.delta === null ? "no comparison" : "neutral";
}
