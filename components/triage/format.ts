// Durations and ages for the Triage page ("2d 4h", "3 h ago").
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const d = Math.floor(s / 86_400),
    h = Math.floor((s % 86_400) / 3600),
    m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}

export function formatAge(iso: string, now: number): string {
  return formatDuration((now - new Date(iso).getTime()) / 1000);
}

export const CLOCK_LABEL = { calendar: "calendar time", business: "business hours" } as const;
