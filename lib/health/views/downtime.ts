// Downtimes: each run of consecutive failed checks, from the first failed check to the next successful one.
export type CheckRow = { at: Date; ok: boolean; reason: string | null };
export type Downtime = {
  start: string;
  /** The first successful check after the run; null while it lasts. */
  end: string | null;
  seconds: number;
  /** The first failed check's failure ("status 503 is outside…", "connection refused"). */
  reason: string;
};

/** Periods newest first. `rows` may be every check or only the ones where ok changed (same result), oldest first. */
export function downtimePeriods(rows: CheckRow[], now: Date): Downtime[] {
  const periods: Downtime[] = [];
  let open: { start: Date; reason: string } | null = null;
  for (const row of rows) {
    if (!row.ok && open === null) open = { start: row.at, reason: row.reason ?? "check failed" };
    else if (row.ok && open !== null) {
      periods.push({
        start: open.start.toISOString(),
        end: row.at.toISOString(),
        seconds: (row.at.getTime() - open.start.getTime()) / 1000,
        reason: open.reason,
      });
      open = null;
    }
  }
  if (open)
    periods.push({
      start: open.start.toISOString(),
      end: null,
      seconds: Math.max(0, (now.getTime() - open.start.getTime()) / 1000),
      reason: open.reason,
    });
  return periods.reverse();
}
