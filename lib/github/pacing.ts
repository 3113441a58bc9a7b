// Per-token pacing shared by every client in this process: one request at a time, at most
// `perMinute` requests in any 60 s (GitHub's secondary limit counts a query as one point, 2,000 a
// minute), and the last budget GitHub reported so a sync can stop before it runs dry.
import { createHash } from "node:crypto";

export interface Budget {
  remaining: number;
  limit: number;
  resetAt: Date;
}

export class TokenPacer {
  /** Turns waiting for the current one to end; null when no turn runs. */
  private waiting: (() => void)[] | null = null;
  private sent: number[] = [];
  budget: Budget | null = null;
  /** Set by a secondary-limit answer: no request on this token before then (ms since the epoch). */
  pausedUntil = 0;

  /**
   * Runs `work` after every earlier call has finished: requests for one token never overlap. The
   * next turn starts before the finished one's caller resumes, so the next request is on its way
   * while the previous answer is parsed and used.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const turn = () => {
        new Promise<T>((done) => done(work())).then(
          (value) => {
            this.next();
            resolve(value);
          },
          (error: unknown) => {
            this.next();
            reject(error);
          },
        );
      };
      if (this.waiting) this.waiting.push(turn);
      else {
        this.waiting = [];
        turn();
      }
    });
  }

  /** Whether turns are waiting behind the current one. */
  get queued(): number {
    return this.waiting?.length ?? 0;
  }

  private next(): void {
    const turn = this.waiting?.shift();
    if (turn) turn();
    else this.waiting = null;
  }

  /** Milliseconds to wait before the next request so that at most `perMinute` fall in any minute. */
  delayForNext(perMinute: number, now = Date.now()): number {
    this.sent = this.sent.filter((t) => t > now - 60_000);
    if (this.sent.length < perMinute) return 0;
    const oldest = this.sent[this.sent.length - perMinute] ?? now;
    return Math.max(0, oldest + 60_000 - now);
  }

  recordSent(now = Date.now()): void {
    this.sent.push(now);
  }

  /** The budget GitHub last reported, or null once its window has reset. */
  currentBudget(now = Date.now()): Budget | null {
    if (this.budget && this.budget.resetAt.getTime() <= now) this.budget = null;
    return this.budget;
  }
}

const pacers = new Map<string, TokenPacer>();

/** Keyed by a hash, so the token itself is not kept around as a map key. */
export function pacerFor(token: string): TokenPacer {
  const key = createHash("sha256").update(token).digest("hex");
  let pacer = pacers.get(key);
  if (!pacer) {
    pacer = new TokenPacer();
    pacers.set(key, pacer);
  }
  return pacer;
}

/** Abortable sleep. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(abortReason(signal)) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const error = new Error("The sync was aborted");
  error.name = "AbortError";
  return error;
}

/** Adaptive page size: halves on a gateway timeout, doubles back after a run of successes. */
export class PageSize {
  value: number;
  private streak = 0;

  constructor(
    readonly max: number,
    readonly min = 5,
    private readonly growAfter = 3,
  ) {
    this.value = max;
  }

  shrink(): boolean {
    this.streak = 0;
    if (this.value <= this.min) return false;
    this.value = Math.max(this.min, Math.floor(this.value / 2));
    return true;
  }

  succeeded(): void {
    if (this.value >= this.max) return;
    if (++this.streak >= this.growAfter) {
      this.value = Math.min(this.max, this.value * 2);
      this.streak = 0;
    }
  }
}
