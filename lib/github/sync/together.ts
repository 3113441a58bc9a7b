// Steps of one sync run side by side — the issue walk and the pull-request walk, say — so that
// while one step reads an answer or waits for its database, the other's request is already queued
// on the token (requests stay one at a time, client.ts). Their transactions go through one
// CommitQueue, in call order. The first failure stops the others and is the one reported.
import { CommitQueue, type SyncContext } from "./context";

export async function runTogether(ctx: SyncContext, steps: ((ctx: SyncContext) => Promise<void>)[]): Promise<void> {
  const stop = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal;
  const shared: SyncContext = {
    ...ctx,
    client: ctx.client.fork(stop.signal),
    signal,
    commits: new CommitQueue(signal),
  };
  let failure: { error: unknown } | null = null;
  await Promise.all(
    steps.map((step) =>
      step(shared).catch((error: unknown) => {
        failure ??= { error };
        stop.abort(error);
      }),
    ),
  );
  if (failure) throw (failure as { error: unknown }).error;
}
