// Formatting shared by the incident pages.
import type { IncidentStatus, Severity } from "@/lib/incidents/schemas";

/** "4 min 05 s", "2 h 10 min", "3 d 4 h". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

export const STATUS_LABEL: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

export const SEVERITY_CLASS: Record<Severity, string> = {
  SEV1: "bg-red-700 text-white dark:bg-red-600",
  SEV2: "bg-amber-500 text-black dark:bg-amber-400",
  SEV3: "bg-sky-700 text-white",
};

export const SEVERITY_BORDER: Record<Severity, string> = {
  SEV1: "border-l-red-600",
  SEV2: "border-l-amber-500",
  SEV3: "border-l-sky-600",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-bold ${SEVERITY_CLASS[severity]}`}>
      {severity}
    </span>
  );
}
