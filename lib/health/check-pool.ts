// The scheduler's pool of running checks (run-checks.ts): bounded, in order, and with recording
// trailing behind the checks so that a slow database write does not hold a check slot.

/** Results recorded behind their checks at most, per check slot (a database slower than the checks stops there). */
const TRAIL_FACTOR = 20;

/**
 * Runs at most `size` checks at once; work started while full waits in order. A check's slot is
 * free again once its observation is in; recording it (batched, record-batcher.ts) trails behind,
 * up to `size` × TRAIL_FACTOR results at once — past that a check keeps its slot until it is recorded.
 */
export class CheckPool {
  private readonly running = new Set<Promise<void>>();
  private readonly queued: Array<() => Promise<void>> = [];
  /** Checks claimed ahead of their slot, waiting for it (not counted against `size`). */
  private readonly waiting = new Set<Promise<void>>();
  /** Results being recorded after their check gave up its slot. */
  private readonly trailing = new Set<Promise<void>>();
  constructor(readonly size: number) {}
  get free(): number {
    return this.size - this.running.size - this.queued.length;
  }
  get busy(): number {
    return this.running.size;
  }
  /** Records `work` behind the check that produced it; resolves at once unless too many already trail. */
  async trail(work: Promise<void>): Promise<void> {
    const p: Promise<void> = work.finally(() => this.trailing.delete(p));
    this.trailing.add(p);
    if (this.trailing.size > this.size * TRAIL_FACTOR) await p;
  }
  /** `work` must not reject. */
  start(work: () => Promise<void>): void {
    if (this.running.size >= this.size) return void this.queued.push(work);
    const p: Promise<void> = work().finally(() => {
      this.running.delete(p);
      const next = this.queued.shift();
      if (next) this.start(next);
    });
    this.running.add(p);
  }
  /** Starts `work` once `until` resolves. */
  startAfter(until: Promise<void>, work: () => Promise<void>): void {
    const p: Promise<void> = until.then(() => {
      this.waiting.delete(p);
      this.start(work);
    });
    this.waiting.add(p);
  }
  async oneDone(): Promise<void> {
    if (this.running.size > 0) await Promise.race(this.running);
  }
  /** Until every check (running, queued, waiting for its slot) has run and been recorded. */
  async drain(): Promise<void> {
    while (this.running.size + this.waiting.size + this.queued.length + this.trailing.size > 0)
      await Promise.race([...this.running, ...this.waiting, ...this.trailing]);
  }
}

/** At most `size` of the calls through it run at once; the others wait in order. */
export class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly size: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
