// Claimed checks waiting for their slot: a binary min-heap on the slot time, so the scheduler needs
// one timer (for the earliest slot) however many checks it holds, and pops due ones in slot order.

export class DueQueue<T> {
  private readonly heap: Array<{ at: number; item: T }> = [];

  constructor(private readonly atOf: (item: T) => number) {}

  get size(): number {
    return this.heap.length;
  }

  /** The earliest slot held, or undefined when empty. */
  get nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  push(item: T): void {
    const heap = this.heap;
    heap.push({ at: this.atOf(item), item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** Removes and returns every item whose slot is at or before `now`, earliest first. */
  popDue(now: number): T[] {
    const due: T[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) due.push(this.pop());
    return due;
  }

  /** Removes and returns everything, earliest first. */
  drain(): T[] {
    const all: T[] = [];
    while (this.heap.length > 0) all.push(this.pop());
    return all;
  }

  private pop(): T {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]!.at < heap[m]!.at) m = l;
        if (r < heap.length && heap[r]!.at < heap[m]!.at) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top.item;
  }
}
