// Start-up checks that turn common mistakes into one clear sentence instead of a stack trace.
import { createServer } from "node:net";
import pg from "pg";

export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} on ${host} is already in use. Stop the other process or set PORT to a free port.`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** Connects once so a wrong host, port or password is reported before anything else starts. */
export async function assertDatabaseReachable(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const where = `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to the database at ${where} (from DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
