// A cadence in words for people ("every week on Monday, business hours only"), from rrule-temporal's toText.
import { toText } from "rrule-temporal/totext";

export function cadenceInWords(c: { rrule: string | null; onDemand: boolean; businessHoursOnly: boolean }): string {
  if (c.rrule) {
    let words: string;
    try {
      words = toText(`DTSTART:20260105T000000Z\nRRULE:${c.rrule}`);
    } catch {
      words = c.rrule;
    }
    return c.businessHoursOnly ? `${words}, business hours only` : words;
  }
  return c.onDemand ? "on demand" : "no cadence set";
}
