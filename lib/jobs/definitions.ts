// Recurring jobs. Every worker registers all of them; pg-boss makes sure each tick runs once.
import { deleteExpiredSessions } from "@/lib/auth/sessions";
import { deleteOldLoginAttempts } from "@/lib/auth/throttle";

export type RecurringJob = {
  name: string;
  /** cron-parser syntax, evaluated in UTC. */
  cron: string;
  run: () => Promise<Record<string, number | string>>;
};

export const RECURRING_JOBS: RecurringJob[] = [
  {
    name: "session-cleanup",
    cron: "*/10 * * * *",
    run: async () => ({ expiredSessions: await deleteExpiredSessions(), oldLoginAttempts: await deleteOldLoginAttempts() }),
  },
];
