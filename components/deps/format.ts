/** "45 min", "5 h", "3 days", "11 weeks" — ages and targets in words a person reads at a glance. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "—";
  const s = Math.max(0, seconds);
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  if (s < 28 * 86_400) return `${Math.round(s / 86_400)} days`;
  if (s < 730 * 86_400) return `${Math.round(s / (7 * 86_400))} weeks`;
  return `${(s / (365.25 * 86_400)).toFixed(1)} years`;
}

export function formatDay(value: Date | string | null): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "—";
}
