// A walk over a connection as a bounded pipeline of three ordered stages, so that GitHub always has
// a request to answer while the database writes:
//   fetch    — the page requests, one after the other (each needs the previous page's cursor);
//   complete — each page's database reads and follow-up requests, page after page;
//   commit   — the pages' transactions, in order; pages already completed when a commit starts go
//              in the same transaction (a slow database catches up with fewer, larger commits).
// At most `depth` pages are between their fetch and the end of their commit. Transactions commit
// one at a time and in order, so a kill leaves the state of some page's end, as without the overlap;
// a fetch or completion failure stops the walk at that page (pages before it still commit), a
// commit failure at its transaction, and the pages in flight are abandoned.
import type { SyncContext } from "./context";

export interface PageSteps<M, P> {
  /** The request for the page after `previous` (null: the first); null when the walk is over. */
  fetch(ctx: SyncContext, previous: M | null): Promise<M | null>;
  /** Whatever the page needs before it can be written (database reads, follow-up requests). */
  complete(ctx: SyncContext, page: M): Promise<P>;
  /** Writes consecutive pages in one transaction, in order. */
  commit(pages: P[]): Promise<void>;
}

/** Pages in flight at most: enough to cover a slow commit, few enough to stay small in memory. */
export const WALK_DEPTH = 6;

type Deferred<T> = {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
  /** Set once resolved, so a ready page can be taken without waiting. */
  settled?: { value: T };
};

/** A promise settled from outside; a rejection nobody awaits is not reported as unhandled. */
function deferred<T>(): Deferred<T> {
  const d = {} as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) =>
    Object.assign(d, {
      resolve: (value: T) => {
        d.settled ??= { value };
        resolve(value);
      },
      reject,
    }),
  );
  d.promise.catch(() => undefined);
  return d;
}

export async function walkPages<M, P>(ctx: SyncContext, steps: PageSteps<M, P>, depth = WALK_DEPTH): Promise<void> {
  const controller = new AbortController();
  const ahead: SyncContext = { ...ctx, client: ctx.client.fork(controller.signal) };
  const ready: Deferred<P | null>[] = []; // page i completed (null: there is no page i)
  const committed: Deferred<void>[] = []; // page i written
  const at = <T>(list: Deferred<T>[], i: number) => (list[i] ??= deferred<T>());
  let completing: Promise<unknown> = Promise.resolve();
  const stopped = deferred<void>(); // the walk is over: the producer must not wait for room

  const produce = async () => {
    let previous: M | null = null;
    for (let i = 0; ; i++) {
      if (i >= depth) await Promise.race([at(committed, i - depth).promise, stopped.promise]);
      if (controller.signal.aborted) return;
      let page: M | null;
      try {
        page = await steps.fetch(ahead, previous);
      } catch (error) {
        completing.then(
          () => at(ready, i).reject(error),
          () => undefined,
        );
        return;
      }
      const slot = at(ready, i);
      if (page === null) {
        completing.then(
          () => slot.resolve(null),
          () => undefined,
        );
        return;
      }
      previous = page;
      const current = page;
      // A failed completion rejects its own page; the ones after it are never awaited.
      const completed = completing.then(() => steps.complete(ahead, current));
      completed.then(slot.resolve, slot.reject);
      completing = completed;
    }
  };
  const producing = produce();

  try {
    for (let i = 0; ;) {
      const page = await at(ready, i).promise;
      if (page === null) return;
      const group: P[] = [page];
      for (let next = at(ready, i + 1).settled; next && next.value !== null; next = at(ready, i + group.length).settled)
        group.push(next.value);
      await steps.commit(group);
      for (const _ of group) at(committed, i++).resolve();
    }
  } finally {
    controller.abort();
    stopped.resolve();
    await producing;
    await completing.catch(() => undefined);
  }
}
