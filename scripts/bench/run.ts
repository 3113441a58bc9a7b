// How every benchmark starts and ends: cleanups registered as things are opened run in reverse order
// on success and on failure; a failure prints one line (what failed, with the HTTP status and error
// body when a request failed) and exits 1. After a successful run the process must end by itself:
// if anything is still open a few seconds after the cleanups, that is a leak — it is named and the
// run exits 1 instead of hanging.

type Cleanup = { label: string; run: () => Promise<unknown> | unknown };

const cleanups: Cleanup[] = [];

/** Registers something to close when the benchmark ends (last opened, first closed). */
export function onExit(label: string, run: Cleanup["run"]): void {
  cleanups.push({ label, run });
}

/** A failure whose message is the whole story (no stack trace needed). */
export class BenchError extends Error {}

/** Throws a BenchError naming the request, its HTTP status and its error body unless `response` has one of `ok` statuses. */
export async function expectStatus(
  response: Response,
  what: string,
  ok: number[] = [200, 201, 202],
): Promise<Response> {
  if (ok.includes(response.status)) return response;
  const body = (await response.text().catch(() => "")).replace(/\s+/g, " ").slice(0, 500);
  throw new BenchError(`${what}: HTTP ${response.status} ${body || "(empty body)"}`);
}

async function closeAll(): Promise<string[]> {
  const problems: string[] = [];
  while (cleanups.length) {
    const { label, run } = cleanups.pop()!;
    try {
      await run();
    } catch (error) {
      problems.push(`closing ${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

function describe(error: unknown): string {
  if (error instanceof BenchError) return error.message;
  if (error instanceof Error) return `${error.name === "Error" ? "" : `${error.name}: `}${error.message}`;
  return String(error);
}

/** Runs a benchmark's body, then closes what it opened; exits 0 only when all went well and nothing was left open. */
export async function runBench(name: string, body: () => Promise<void>): Promise<void> {
  const interrupted = () => {
    process.stderr.write(`${name} interrupted\n`);
    void closeAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  let failure: unknown = null;
  try {
    await body();
  } catch (error) {
    failure = error;
  }
  const problems = await closeAll();
  process.off("SIGINT", interrupted);
  process.off("SIGTERM", interrupted);
  if (failure !== null) {
    process.stderr.write(`${name} failed: ${describe(failure)}\n`);
    for (const problem of problems) process.stderr.write(`${name}: ${problem}\n`);
    process.exit(1);
  }
  if (problems.length) {
    for (const problem of problems) process.stderr.write(`${name} failed: ${problem}\n`);
    process.exit(1);
  }
  // Everything was closed: the event loop should now drain. If it does not, say what is left.
  setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((r) => r !== "Timeout");
    process.stderr.write(
      `${name} failed: still open 5 s after closing everything: ${open.join(", ") || "(unknown)"}\n`,
    );
    process.exit(1);
  }, 5000).unref();
}
