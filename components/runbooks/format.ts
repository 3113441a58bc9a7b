// Times in the team's time zone with the zone named, so server and browser agree.
export function formatInZone(value: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(value));
  return `${text} ${timeZone === "UTC" ? "UTC" : `(${timeZone})`}`;
}
