// PGlite has exactly one backend session, shared by every client connection. The gate gives that
// session to one connection at a time (FIFO). A connection keeps it across units while it is inside
// a transaction, so no other client's statements ever land in the middle of its transaction.
export class SessionGate<Owner> {
  #owner: Owner | undefined;
  readonly #waiters: Array<{ owner: Owner; wake: () => void }> = [];

  get owner(): Owner | undefined {
    return this.#owner;
  }

  /** Resolves once `owner` holds the session (immediately if it already does); false on timeout. */
  acquire(owner: Owner, timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (this.#owner === owner) return Promise.resolve(true);
    if (this.#owner === undefined) {
      this.#owner = owner;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = { owner, wake: () => resolve(true) };
      this.#waiters.push(waiter);
      if (!Number.isFinite(timeoutMs)) return;
      const timer = setTimeout(() => {
        const index = this.#waiters.indexOf(waiter);
        if (index === -1) return;
        this.#waiters.splice(index, 1);
        resolve(false);
      }, timeoutMs);
      waiter.wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /** Hands the session to the next waiter. A no-op for anyone but the current owner. */
  release(owner: Owner): void {
    if (this.#owner !== owner) return;
    const next = this.#waiters.shift();
    this.#owner = next?.owner;
    next?.wake();
  }

  get waiting(): number {
    return this.#waiters.length;
  }
}
