// Sending on-demand jobs from any process (web or worker): a send-only pg-boss instance, started
// on first use and kept on globalThis. The worker (worker.ts) runs them.
import PgBoss from "pg-boss";
import { getDatabaseUrl } from "@/lib/db";
import { logger } from "@/lib/logger";
import { QUEUE_OPTIONS } from "@/lib/jobs/queues";

const globalForQueue = globalThis as unknown as { stewardQueue?: Promise<PgBoss> };

async function startSender(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: getDatabaseUrl(),
    schema: "pgboss",
    max: 2,
    supervise: false,
    schedule: false,
    application_name: "steward-sender",
  });
  boss.on("error", (error: Error) => logger.error("job queue error", { error: error.message }));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) await ensureQueue(boss, name, options);
  return boss;
}

/** Creates the queue if missing; processes starting together may race (deadlock / duplicate), so retry. */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name"> = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

function sender(): Promise<PgBoss> {
  globalForQueue.stewardQueue ??= startSender().catch((error: unknown) => {
    globalForQueue.stewardQueue = undefined;
    throw error;
  });
  return globalForQueue.stewardQueue;
}

/** The new job's id, or null when the queue's policy refused a duplicate (same singletonKey). */
export async function sendJob(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return (await sender()).send(name, data, options);
}

export async function stopJobSender(): Promise<void> {
  const pending = globalForQueue.stewardQueue;
  globalForQueue.stewardQueue = undefined;
  if (pending) await (await pending).stop({ graceful: false, wait: true });
}
