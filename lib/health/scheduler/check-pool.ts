/**
 * Runs at most `size` checks at once; work started while full waits in order. A check's slot is
 * free again once its observation is in; recording it (batched, record-batcher.ts) trails behind,
 * up to `size` × TRAIL_FACTOR results at once — past that a check keeps its slot until it is recorded.
 */
export class CheckPool {
  private readonly running = new Set<Promise<void>>();
  private readonly queued: Array<() => Promise<void>> = [];
  /** Results being recorded after their check gave up its slot. */
  private readonly trailing = new Set<Promise<void>>();
  /** Work after recording (incident rules): waited for by drain, never holding a check's slot. */
  private readonly behind = new Set<Promise<void>>();
  constructor(readonly size: number) {}
  get free(): number {
    return this.size - this.running.size - this.queued.length;
  }
  get busy(): number {
    return this.running.size;
  }
  /** Checks waiting for a free slot (already late: the pool is the bottleneck). */
  get backlog(): number {
    return this.queued.length;
  }
  /** Records `work` behind the check that produced it; resolves at once unless too many already trail. */
  async trail(work: Promise<void>): Promise<void> {
    const p: Promise<void> = work.finally(() => this.trailing.delete(p));
    this.trailing.add(p);
    if (this.trailing.size > this.size * TRAIL_FACTOR) await p;
  }
  /** Tracks `work` (which must not reject) for drain only. */
  background(work: Promise<void>): void {
    const p: Promise<void> = work.finally(() => this.behind.delete(p));
    this.behind.add(p);
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
  async oneDone(): Promise<void> {
    if (this.running.size > 0) await Promise.race(this.running);
  }
  /** Until every check (running or queued) has run and been recorded, and its incident rules ran. */
  async drain(): Promise<void> {
    while (this.running.size + this.queued.length + this.trailing.size + this.behind.size > 0)
      await Promise.race([...this.running, ...this.trailing, ...this.behind]);
  }
}

/** Results recorded behind their checks at most, per check slot (a database slower than the checks stops there). */
const TRAIL_FACTOR = 20;
