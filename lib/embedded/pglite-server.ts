// Embedded Postgres: PGlite (Postgres compiled to WebAssembly) served on a loopback port over the
// Postgres wire protocol, so `pg` and Prisma connect with an ordinary URL. We serve it ourselves
// rather than with pglite-socket's server, whose queue interleaves messages of concurrent clients.
import { createServer, type Server, type Socket } from "node:net";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ensureWritableDir, lockDataDir } from "./data-dir-lock";
import { SessionGate } from "./session-gate";
import { WireConnection, type SharedBackend } from "./wire-connection";
import { errorResponse, startupPacket } from "./wire-messages";

export type EmbeddedPostgresOptions = {
  /** Where `pgdata/` and `steward.lock` live; undefined keeps the database in memory. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  maxConnections?: number;
  /** How long a statement may wait while another connection holds a transaction open. */
  sessionWaitTimeoutMs?: number;
};

export type EmbeddedPostgres = { url: string; port: number; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { host = "127.0.0.1", port = 0, maxConnections = 100, sessionWaitTimeoutMs = 30_000 } = options;
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const lock = dataDir === undefined ? undefined : lockDataDir(ensureWritableDir(dataDir));
  // process.exit() or a crash skips stop(); dropping our lock on 'exit' spares the next start the
  // stale-lock takeover. (Signals skip 'exit' too; the takeover covers those.)
  const releaseLock = (): void => {
    process.off("exit", releaseLock);
    lock?.release();
  };
  if (lock) process.once("exit", releaseLock);
  let db: PGlite | undefined;
  try {
    db = dataDir === undefined ? await PGlite.create() : await PGlite.create(join(dataDir, "pgdata"));
    const backend = {
      db,
      gate: new SessionGate<WireConnection>(),
      greeting: await greet(db),
      waitTimeoutMs: sessionWaitTimeoutMs,
    };
    const served = await serve(backend, host, port, maxConnections);
    const stop = async (): Promise<void> => {
      await served.stop();
      await db?.close();
      releaseLock();
    };
    return { url: served.url, port: served.port, stop: once(stop) };
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

async function serve(
  backend: SharedBackend,
  host: string,
  port: number,
  maxConnections: number,
): Promise<EmbeddedPostgres> {
  const connections = new Set<WireConnection>();
  const server = createServer((socket: Socket) => {
    if (connections.size >= maxConnections) {
      socket.end(errorResponse("FATAL", "53300", `sorry, too many clients already (${maxConnections})`));
      return;
    }
    const connection = new WireConnection(socket, backend);
    connections.add(connection);
    void connection.finished.then(() => connections.delete(connection));
  });
  const boundPort = await listen(server, host, port);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `postgresql://postgres@${urlHost}:${boundPort}/postgres`,
    port: boundPort,
    async stop() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      const finished = [...connections].map((connection) => connection.finished);
      for (const connection of connections) connection.destroy();
      await Promise.all(finished); // open transactions are rolled back before PGlite closes
      await closed;
    },
  };
}

// PGlite's answer to one startup packet, captured once and replayed to every client.
async function greet(db: PGlite): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const packet = startupPacket({ user: "postgres", database: "postgres", client_encoding: "UTF8" });
  await db.runExclusive(() =>
    db.execProtocolRawStream(packet, { onRawData: (chunk) => chunks.push(Buffer.from(chunk)) }),
  );
  return Buffer.concat(chunks);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("embedded Postgres: no TCP address"));
      else resolvePort(address.port);
    });
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
