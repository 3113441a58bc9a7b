import { formatAbsolute } from "@/lib/time/format";

/** Dates in UTC with the zone named (server and browser agree); prefer <Time>, which follows the team's zone. */
export function formatDateTime(value: Date | string): string {
  return formatAbsolute(value);
}
