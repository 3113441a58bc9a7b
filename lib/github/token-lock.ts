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

/** The longest one process keeps a token's lock over back-to-back requests before letting go once. */
export const MAX_HOLD_MS = 1_000;

/** A lock this process holds; its release waits for the end of the tick, in case the next request follows. */
interface Held {
  since: number;
  release: NodeJS.Immediate | null;
}

export class TokenLock {
  #client: Promise<pg.Client> | null = null;
  readonly #held = new Map<string, Held>();
  /** Per key, the end of the last run asked for: runs for one token in this process go one at a time too. */
  readonly #turns = new Map<string, Promise<unknown>>();
  #acquisitions = 0;

  constructor(private readonly connectionString: string) {}

  #connection(): Promise<pg.Client> {
    this.#client ??= (async () => {
      const client = new pg.Client({
        connectionString: this.connectionString,
        application_name: "steward-github-token-lock",
      });
      client.on("error", (error) => {
        logger.warn("github token lock connection lost", { error: error.message });
        this.#lost();
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      this.#client = null;
      throw error;
    });
    return this.#client;
  }

  /**
   * Runs `work` holding the token's lock. A request queued right behind this one (the pacer starts it
   * in the same tick) finds the lock still held and skips the two round trips of unlocking and locking
   * again; the lock is let go once no request follows, and at least every MAX_HOLD_MS.
   */
  run<T>(token: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const key = tokenLockKey(token);
    const turn = (this.#turns.get(key) ?? Promise.resolve()).then(() => this.#runHeld(key, work, signal));
    const end = turn.catch(() => undefined);
    this.#turns.set(key, end);
    void end.then(() => {
      if (this.#turns.get(key) === end) this.#turns.delete(key);
    });
    return turn;
  }

  async #runHeld<T>(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const held = this.#held.get(key);
    if (held?.release) clearImmediate(held.release);
    if (held && Date.now() - held.since < MAX_HOLD_MS) held.release = null;
    else {
      if (held) await this.#unlock(key);
      await this.#lock(key, signal);
    }
    try {
      return await work();
    } finally {
      const mine = this.#held.get(key);
      if (mine) mine.release = setImmediate(() => void this.#unlock(key));
    }
  }

  async #lock(key: string, signal?: AbortSignal): Promise<void> {
    const client = await this.#connection();
    for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [
        key,
      ]);
      if (rows[0]?.locked) break;
      await sleep(delay, signal);
    }
    this.#held.set(key, { since: Date.now(), release: null });
    this.#acquisitions++;
  }

  async #unlock(key: string): Promise<void> {
    this.#held.delete(key);
    const client = await this.#client?.catch(() => null);
    await client?.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => this.#lost());
  }

  /** The connection is gone, and every lock it held with it. */
  #lost(): void {
    this.#client = null;
    for (const held of this.#held.values()) if (held.release) clearImmediate(held.release);
    this.#held.clear();
  }

  /** How many times this process took a lock (back-to-back runs take it once). */
  get acquisitions(): number {
    return this.#acquisitions;
  }

  /** Whether this lock holds an open (or opening) connection. */
  get connected(): boolean {
    return this.#client !== null;
  }

  /** Ends the dedicated connection (releasing any lock it holds); a later run() opens a new one. */
  async close(): Promise<void> {
    const pending = this.#client;
    this.#lost();
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
