// Fetching page n+1 (GitHub, follow-ups) while page n commits (database). Pages still commit one
// at a time and in order, so a kill leaves the same state as without the overlap; a failed commit
// abandons the page being fetched.
import type { SyncContext } from "./context";

export async function walkPages<P>(
  ctx: SyncContext,
  fetchPage: (ctx: SyncContext, previous: P | null) => Promise<P | null>,
  commit: (page: P) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  const ahead: SyncContext = { ...ctx, client: ctx.client.fork(controller.signal) };
  let pending = fetchPage(ahead, null);
  try {
    for (;;) {
      const page = await pending;
      if (page === null) return;
      pending = fetchPage(ahead, page);
      pending.catch(() => undefined); // awaited on the next turn, or abandoned if the commit fails
      await commit(page);
    }
  } finally {
    controller.abort();
  }
}
