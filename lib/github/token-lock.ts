// Requests for one GitHub token never overlap across processes either: each request holds a
// Postgres advisory lock keyed by the token's hash, on a dedicated connection per process (a
// process that dies drops its connection, and with it the lock). In-process ordering stays with
// the pacer (pacing.ts); this only adds the cross-process exclusion. Not used with the embedded
// database, which serves one process (and whose single session would make the lock a no-op).
import { createHash } from "node:crypto";
import pg from "pg";
import { logger } from "@/lib/logger";
import { sleep } from "./pacing";

/** Runs `work` while no other process runs a request for the same token. */
export type Exclusive = <T>(work: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** A signed 64-bit advisory-lock key derived from the token (the token itself never reaches Postgres). */
export function tokenLockKey(token: string): string {
  return createHash("sha256").update(`steward github token lock\0${token}`).digest().readBigInt64BE(0).toString();
}

export class TokenLock {
  #client: Promise<pg.Client> | null = null;

  constructor(private readonly connectionString: string) {}

  #connection(): Promise<pg.Client> {
    this.#client ??= (async () => {
      const client = new pg.Client({
        connectionString: this.connectionString,
        application_name: "steward-github-token-lock",
      });
      client.on("error", (error) => {
        logger.warn("github token lock connection lost", { error: error.message });
        this.#client = null;
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      this.#client = null;
      throw error;
    });
    return this.#client;
  }

  async run<T>(token: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const client = await this.#connection();
    const key = tokenLockKey(token);
    for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [
        key,
      ]);
      if (rows[0]?.locked) break;
      await sleep(delay, signal);
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => {
        this.#client = null; // the connection is gone, and the lock with it
      });
    }
  }

  /** Whether this lock holds an open (or opening) connection. */
  get connected(): boolean {
    return this.#client !== null;
  }

  /** Ends the dedicated connection (releasing any lock it holds); a later run() opens a new one. */
  async close(): Promise<void> {
    const pending = this.#client;
    this.#client = null;
    if (!pending) return;
    const client = await pending.catch(() => null);
    await client?.end().catch(() => undefined);
  }
}

const globalForLocks = globalThis as unknown as { stewardTokenLocks?: Map<string, TokenLock> };

/** The process's lock for a database, created on first use. */
export function tokenLockFor(connectionString: string): TokenLock {
  const locks = (globalForLocks.stewardTokenLocks ??= new Map());
  let lock = locks.get(connectionString);
  if (!lock) {
    lock = new TokenLock(connectionString);
    locks.set(connectionString, lock);
  }
  return lock;
}

/** Closes every token lock's connection in this process (on shutdown, and at the end of scripts that synced). */
export async function closeTokenLocks(): Promise<void> {
  const locks = globalForLocks.stewardTokenLocks;
  if (!locks) return;
  const all = [...locks.values()];
  locks.clear();
  await Promise.all(all.map((lock) => lock.close()));
}
