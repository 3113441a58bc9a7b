// JobRun rows are the operator's (and the tests') record of what ran where; per-minute jobs add
// about 2,900 a day, so only a week is kept.
import { db } from "@/lib/db";

export const JOB_RUN_RETENTION_DAYS = 7;

export async function deleteOldJobRuns(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000);
  const { count } = await db.jobRun.deleteMany({ where: { startedAt: { lt: cutoff } } });
  return count;
}
