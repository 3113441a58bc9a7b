// Recognises a cadence in a short phrase ("Every Monday", "First Monday of Month", "Every 4 hours during
// business hours") and expresses it as an RFC 5545 RRULE plus flags. Unknown phrases give null, never a guess.

export type Cadence = { rrule: string | null; onDemand: boolean; businessHoursOnly: boolean; text: string | null };

export const NO_CADENCE: Cadence = { rrule: null, onDemand: false, businessHoursOnly: false, text: null };

const DAYS: Record<string, string> = {
  monday: "MO",
  tuesday: "TU",
  wednesday: "WE",
  thursday: "TH",
  friday: "FR",
  saturday: "SA",
  sunday: "SU",
};
const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: -1,
};
const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, twelve: 12 };
const DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

const ON_DEMAND =
  /\b(on[- ]demand|when needed|as needed|if needed|emergenc(y|ies)|releases?|hotfix|incidents?|outage|for each|troubleshooting|ad[- ]hoc)\b/;

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
}

function num(word = ""): number {
  return NUMBERS[word] ?? Number(word);
}

/** The RRULE and business-hours flag a phrase names, or null. Order matters: specific before general. */
function recurring(p: string): { rrule: string; businessHoursOnly: boolean } | null {
  const bh = /\b(during|within|in) business hours\b|\bbusiness hours only\b/.test(p);
  const found = (rrule: string) => ({ rrule, businessHoursOnly: bh });
  let m: RegExpMatchArray | null;
  if ((m = p.match(/\bevery (\d+|one|two|three|four|five|six|eight|twelve) hours?\b/))) {
    const n = num(m[1]);
    return found(n === 1 ? "FREQ=HOURLY" : `FREQ=HOURLY;INTERVAL=${n}`);
  }
  if (/\b(hourly|every hour)\b/.test(p)) return found("FREQ=HOURLY");
  if (
    (m = p.match(
      new RegExp(`\\b(first|1st|second|2nd|third|3rd|fourth|4th|last) ${DAY} (of|in) (the |each |every )?month\\b`),
    ))
  ) {
    return found(`FREQ=MONTHLY;BYDAY=${ORDINALS[m[1] ?? ""]}${DAYS[m[2] ?? ""]}`);
  }
  if (
    /\b(every weekday|each weekday|weekdays|every working day|each working day|monday to friday|monday-friday|mon-fri)\b/.test(
      p,
    )
  ) {
    return found("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
  }
  if ((m = p.match(new RegExp(`\\bevery (other|second) ${DAY}\\b`))))
    return found(`FREQ=WEEKLY;INTERVAL=2;BYDAY=${DAYS[m[2] ?? ""]}`);
  if (/\b(bi-?weekly|fortnightly|every (other|two|2) weeks)\b/.test(p)) return found("FREQ=WEEKLY;INTERVAL=2");
  if (
    (m = p.match(new RegExp(`^(every |each |on )?${DAY}s?\\b`))) ||
    (m = p.match(new RegExp(`\\b(every|each|on) ${DAY}s?\\b`)))
  ) {
    return found(`FREQ=WEEKLY;BYDAY=${DAYS[m[2] ?? ""]}`);
  }
  if (/\b(semi-?annual(ly)?|twice a year|every (six|6) months|half-?yearly)\b/.test(p))
    return found("FREQ=MONTHLY;INTERVAL=6");
  if (/\b(quarterly|every quarter|every (three|3) months|quarter planning)\b/.test(p))
    return found("FREQ=MONTHLY;INTERVAL=3");
  if (/\b(annual(ly)?|yearly|every year|once a year)\b/.test(p)) return found("FREQ=YEARLY");
  if (/\b(monthly|every month|each month|once a month)\b/.test(p)) return found("FREQ=MONTHLY");
  if (/\b(weekly|every week|each week|once a week)\b/.test(p)) return found("FREQ=WEEKLY");
  if (/\b(daily|every day|each day|every morning|each morning|morning check|once a day|nightly|every night)\b/.test(p))
    return found("FREQ=DAILY");
  return null;
}

/** A cadence from a heading or a "Time:"/"When:" line; null when the phrase names none. */
export function parseCadence(phrase: string, source: "heading" | "time" | "when"): Cadence | null {
  const p = normalise(phrase);
  if (!p) return null;
  const rule = recurring(p);
  if (rule)
    return { rrule: rule.rrule, onDemand: false, businessHoursOnly: rule.businessHoursOnly, text: phrase.trim() };
  if (ON_DEMAND.test(p)) return { rrule: null, onDemand: true, businessHoursOnly: false, text: phrase.trim() };
  // A "When:" line that names no schedule describes an occasion ("Bug fixes, minor updates"): on demand.
  if (source === "when") return { rrule: null, onDemand: true, businessHoursOnly: false, text: phrase.trim() };
  return null;
}

export function hasCadence(c: Cadence): boolean {
  return c.rrule !== null || c.onDemand;
}
