// The few Postgres wire-protocol messages the embedded server builds itself.
// Format: a type byte, then an int32 length that counts itself and the body.

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export function simpleQuery(sql: string): Buffer {
  return message("Q", Buffer.from(`${sql}\0`, "utf8"));
}

export type Severity = "ERROR" | "FATAL";

export function errorResponse(severity: Severity, sqlState: string, text: string): Buffer {
  return message("E", Buffer.from(`S${severity}\0V${severity}\0C${sqlState}\0M${text}\0\0`, "utf8"));
}

/** ReadyForQuery: the client may send its next query (I idle, T in a transaction, E in a failed one). */
export function readyForQuery(status: "I" | "T" | "E" = "I"): Buffer {
  return message("Z", Buffer.from(status, "latin1"));
}

/** The protocol 3.0 startup packet (no type byte: just length, version, key/value pairs). */
export function startupPacket(parameters: Record<string, string>): Buffer {
  const pairs = Object.entries(parameters)
    .map(([key, value]) => `${key}\0${value}\0`)
    .join("");
  const body = Buffer.from(`${pairs}\0`, "utf8");
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 8, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, body]);
}
