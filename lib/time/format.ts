// The one time formatter of the app: pure, 24-hour, ISO-like, in an explicit IANA time zone.
export type TimeInput = Date | string | number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function toDate(value: TimeInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The wall-clock fields of an instant in a time zone. */
export function zonedParts(value: TimeInput, timeZone = "UTC"): ZonedParts {
  const parts = partsFormatter(timeZone).formatToParts(toDate(value));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** Minutes the zone is ahead of UTC at that instant (+60 for Berlin in winter, -300 for New York in winter). */
export function zoneOffsetMinutes(value: TimeInput, timeZone = "UTC"): number {
  const d = toDate(value);
  const p = zonedParts(d, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "UTC" in UTC, otherwise the offset in force at that instant, "+01:00" / "-04:00". */
export function zoneLabel(value: TimeInput, timeZone = "UTC"): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const offset = zoneOffsetMinutes(value, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-11-30". */
export function formatDate(value: TimeInput, timeZone = "UTC"): string {
  const p = zonedParts(value, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "18:03" or with seconds "18:03:07". */
export function formatClock(value: TimeInput, timeZone = "UTC", seconds = false): string {
  const p = zonedParts(value, timeZone);
  return seconds ? `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` : `${pad(p.hour)}:${pad(p.minute)}`;
}

export type AbsoluteOptions = { timeZone?: string; seconds?: boolean; zone?: boolean };

/** "2026-11-30 18:03 UTC"; `seconds` adds ":07"; `zone: false` leaves the zone label off. */
export function formatAbsolute(
  value: TimeInput,
  { timeZone = "UTC", seconds = false, zone = true }: AbsoluteOptions = {},
): string {
  const text = `${formatDate(value, timeZone)} ${formatClock(value, timeZone, seconds)}`;
  return zone ? `${text} ${zoneLabel(value, timeZone)}` : text;
}

/** "Nov 30" style short day for axes, still unambiguous: "30 Nov". */
export function formatShortDay(value: TimeInput, timeZone = "UTC"): string {
  const p = zonedParts(value, timeZone);
  return `${p.day} ${MONTHS[p.month - 1]}`;
}
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "just now", "45 s ago", "3 min ago", "2 h ago", "5 d ago", "in 3 min"; older than 30 days: the date. */
export function formatRelative(value: TimeInput, now: TimeInput, timeZone = "UTC"): string {
  const diff = toDate(now).getTime() - toDate(value).getTime();
  const abs = Math.abs(diff);
  const s = Math.floor(abs / 1000);
  if (s < 10) return "just now";
  let text: string;
  if (s < 60) text = `${s} s`;
  else if (s < 3600) text = `${Math.floor(s / 60)} min`;
  else if (s < 86_400) text = `${Math.floor(s / 3600)} h`;
  else if (s < 30 * 86_400) text = `${Math.floor(s / 86_400)} d`;
  else return formatDate(value, timeZone);
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** Durations: "0.4 s", "12.3 s" (one decimal below a minute), "3 min 5 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, seconds);
  const tenths = Math.round(s * 10) / 10;
  if (tenths < 60) return `${tenths.toFixed(1)} s`;
  const whole = Math.round(s);
  if (whole < 3600) {
    const m = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  if (whole < 86_400) {
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(whole / 86_400);
  const h = Math.floor((whole % 86_400) / 3600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** The value of an `<input type="datetime-local">` ("2026-11-30T18:03") for an instant in a zone. */
export function toLocalInput(value: TimeInput, timeZone = "UTC"): string {
  return `${formatDate(value, timeZone)}T${formatClock(value, timeZone)}`;
}

/**
 * The instant a wall-clock time ("2026-11-30T18:03[:07]") names in a zone; null if malformed.
 * A time skipped by a DST jump moves forward by the jump; an ambiguous one takes the earlier instant.
 */
export function fromLocalInput(text: string, timeZone = "UTC"): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Try the offsets in force just before and after; keep candidates that read back as the same wall time.
  const offsets = new Set([
    zoneOffsetMinutes(wall - 86_400_000, timeZone),
    zoneOffsetMinutes(wall + 86_400_000, timeZone),
  ]);
  const candidates = [...offsets]
    .map((o) => wall - o * 60_000)
    .filter((t) => {
      const p = zonedParts(t, timeZone);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) === wall;
    });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read it with the offset from before the jump, which lands after the jump.
  return new Date(wall - zoneOffsetMinutes(wall - 86_400_000, timeZone) * 60_000);
}
