// CPU time spent on a request, by this process and by the database's backends (read from /proc, so
// PostgreSQL must run on this machine): on a loaded machine, wall times grow with the queue for
// the cores, CPU time much less — it says how much work a request is, and what a quiet 2-core
// machine could at best answer in (about CPU / 2 when the parts run in parallel).
import { readFileSync } from "node:fs";
import pg from "pg";

const TICK_MS = 10; // USER_HZ = 100 on Linux

function ticksOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0; // a backend that ended: its time is lost (the pool keeps connections while busy)
  }
}

export async function openCpuMeter(url: string): Promise<{ read(): Promise<number>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    /** Milliseconds of CPU used so far by this process and the database's other backends. */
    async read() {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      const { user, system } = process.cpuUsage();
      return rows.reduce((ms, r) => ms + ticksOf(r.pid) * TICK_MS, (user + system) / 1000);
    },
    close: () => client.end(),
  };
}
