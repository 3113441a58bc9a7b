// One client connection of the embedded server. It frames the client's Postgres wire messages and
// hands them to PGlite one *unit* at a time (everything up to a Sync, simple Query, Flush, ...), so
// an extended-protocol exchange (Parse/Bind/Execute/Sync) never interleaves with another client's.
import type { Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import type { SessionGate } from "./session-gate";
import { errorResponse, readyForQuery, simpleQuery } from "./wire-messages";

export type SharedBackend = {
  db: PGlite;
  gate: SessionGate<WireConnection>;
  /** PGlite's answer to a startup packet (AuthenticationOk ... ReadyForQuery), replayed to each client. */
  greeting: Buffer;
  waitTimeoutMs: number;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const code = (letter: string): number => letter.charCodeAt(0);
// Messages after which the backend answers and the client waits: the end of a unit.
const UNIT_END = new Set(["S", "Q", "F", "c", "f"].map(code));
const FLUSH = code("H"); // answers too, but leaves the extended-protocol exchange open
const TERMINATE = code("X");
const QUERY = code("Q");
const PARSE = code("P");
// PGlite cannot take COPY ... FROM STDIN over the wire (it would spin): refused before it runs.
const COPY_FROM_STDIN = /(^|;)\s*copy\b[^;]*\bfrom\s+stdin\b/i;
const COPY_REFUSED =
  "COPY ... FROM STDIN is not supported by the embedded database; use INSERT, or a PostgreSQL server via DATABASE_URL";

/** The SQL texts of a unit's simple Query and Parse messages (never parameter values). */
function statementsOf(unit: Buffer): string[] {
  const texts: string[] = [];
  for (let at = 0; at + 5 <= unit.length;) {
    const type = unit[at];
    const end = at + 1 + unit.readInt32BE(at + 1);
    const body = unit.subarray(at + 5, end);
    if (type === QUERY) texts.push(body.toString("utf8", 0, Math.max(0, body.indexOf(0))));
    if (type === PARSE) {
      const nameEnd = body.indexOf(0);
      texts.push(body.toString("utf8", nameEnd + 1, body.indexOf(0, nameEnd + 1)));
    }
    at = end;
  }
  return texts;
}

export class WireConnection {
  #buffer: Buffer = Buffer.alloc(0);
  #pending: Buffer[] = [];
  #started = false;
  #stopReading = false;
  #closed = false;
  #chain: Promise<void> = Promise.resolve();
  readonly #socket: Socket;
  readonly #backend: SharedBackend;
  /** Settles once the socket is closed and any transaction it left open has been rolled back. */
  readonly finished: Promise<void>;

  constructor(socket: Socket, backend: SharedBackend) {
    this.#socket = socket;
    this.#backend = backend;
    socket.setNoDelay(true);
    socket.on("data", (data: Buffer) => this.#receive(data));
    socket.on("error", () => socket.destroy());
    this.finished = new Promise((resolve) => {
      socket.on("close", () => {
        this.#closed = true;
        this.#chain = this.#chain.then(() => this.#cleanUp()).then(resolve);
      });
    });
  }

  destroy(): void {
    this.#socket.destroy();
  }

  #receive(data: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? data : Buffer.concat([this.#buffer, data]);
    while (!this.#closed && !this.#stopReading) {
      const consumed = this.#started ? this.#takeMessage() : this.#takeStartupPacket();
      if (!consumed) break;
    }
  }

  // Before startup, packets have no type byte: SSL/GSS negotiation, cancel requests, the startup.
  #takeStartupPacket(): boolean {
    if (this.#buffer.length < 8) return false;
    const length = this.#buffer.readInt32BE(0);
    if (length < 8 || length > 10_000) return this.#fail("08P01", "invalid startup packet");
    if (this.#buffer.length < length) return false;
    const request = this.#buffer.readInt32BE(4);
    this.#buffer = this.#buffer.subarray(length);
    if (request === SSL_REQUEST || request === GSSENC_REQUEST) {
      this.#socket.write("N"); // loopback only: the client goes on in plain text
      return true;
    }
    if (request === CANCEL_REQUEST) {
      this.#stopReading = true; // like Postgres, hang up without an answer; a running statement
      this.#socket.end(); //       cannot be interrupted in a single-threaded backend anyway
      return false;
    }
    if (request >>> 16 !== 3) return this.#fail("08P01", `unsupported frontend protocol ${request >>> 16}`);
    // Answered without the backend: the session is shared, so another client's open transaction
    // must not hold up connecting (and startup parameters could not be per client anyway).
    this.#started = true;
    this.#socket.write(this.#backend.greeting);
    return true;
  }

  #takeMessage(): boolean {
    if (this.#buffer.length < 5) return false;
    const length = this.#buffer.readInt32BE(1) + 1;
    if (length < 5) return this.#fail("08P01", "invalid message length");
    if (this.#buffer.length < length) return false;
    const type = this.#buffer[0] ?? 0;
    const message = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    if (type === TERMINATE) {
      this.#stopReading = true; // finish what was sent before, then hang up
      this.#chain = this.#chain.then(() => void this.#socket.end());
      return false;
    }
    this.#pending.push(message);
    if (UNIT_END.has(type) || type === FLUSH) {
      const unit = Buffer.concat(this.#pending);
      this.#pending = [];
      this.#chain = this.#chain.then(() => this.#run(unit, type !== FLUSH));
    }
    return true;
  }

  async #run(unit: Buffer, complete: boolean): Promise<void> {
    const { db, gate, waitTimeoutMs } = this.#backend;
    if (this.#closed) return;
    if (!(await gate.acquire(this, complete ? waitTimeoutMs : Number.POSITIVE_INFINITY))) {
      const reason = `timed out after ${waitTimeoutMs} ms waiting for the embedded database, which runs one transaction at a time: another connection kept a transaction (or a long statement) going`;
      this.#write(Buffer.concat([errorResponse("ERROR", "55P03", reason), readyForQuery()]));
      return;
    }
    if (this.#closed) return; // #cleanUp releases the gate
    if (complete && statementsOf(unit).some((sql) => COPY_FROM_STDIN.test(sql))) {
      this.#write(
        Buffer.concat([errorResponse("ERROR", "0A000", COPY_REFUSED), readyForQuery(db.isInTransaction() ? "T" : "I")]),
      );
      if (!db.isInTransaction()) gate.release(this);
      return;
    }
    try {
      await this.#exec(unit, (chunk) => this.#write(chunk));
    } catch (error) {
      this.#fail("XX000", `embedded database failure: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (complete && !db.isInTransaction()) gate.release(this);
  }

  // A client that disappears while holding the session must not leave a transaction (or a
  // half-finished extended-protocol exchange) behind for the next client to inherit.
  async #cleanUp(): Promise<void> {
    const { gate } = this.#backend;
    if (gate.owner !== this) return;
    await this.#exec(simpleQuery("ROLLBACK"), () => undefined).catch(() => undefined);
    gate.release(this);
  }

  #exec(message: Uint8Array, onRawData: (chunk: Uint8Array) => void): Promise<void> {
    const { db } = this.#backend;
    return db.runExclusive(() => db.execProtocolRawStream(message, { onRawData }));
  }

  #write(chunk: Uint8Array): void {
    // PGlite hands out a view of its own memory, reused by the next call: copy before queueing.
    if (chunk.length > 0 && this.#socket.writable) this.#socket.write(Buffer.from(chunk));
  }

  #fail(sqlState: string, text: string): false {
    this.#stopReading = true;
    if (this.#socket.writable) this.#socket.end(errorResponse("FATAL", sqlState, text));
    setTimeout(() => this.#socket.destroy(), 1_000).unref(); // don't wait on a client that never hangs up
    return false;
  }
}
