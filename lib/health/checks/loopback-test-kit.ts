/**
 * Test-only helpers: loopback servers, and a guard that makes any socket connect to a
 * non-loopback address fail before a packet leaves the machine (so an SSRF bug shows up as a
 * failed test, never as a request to a real metadata service).
 */
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import net from "node:net";

const isLoopback = (a: string) => /^127\./.test(a) || a === "::1" || /^::ffff:127\./i.test(a);

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type LookupImpl = (host: string, options: object, cb: LookupCb) => void;
interface ConnectOpts {
  host?: string;
  path?: string | null; // http passes path: null for TCP
  lookup?: LookupImpl;
}

export interface LoopbackGuard {
  violations: string[];
  restore(): void;
}

/** Patches net.Socket#connect (used by http, https and tls) for the current test process. */
export function installLoopbackGuard(): LoopbackGuard {
  const proto = net.Socket.prototype;
  const original = proto.connect;
  const violations: string[] = [];
  const refuse = (what: string) => {
    violations.push(what);
    return Object.assign(new Error(`loopback guard: refused connect to ${what}`), { code: "ELOOPBACKGUARD" });
  };
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const opts: ConnectOpts =
      typeof first === "object" && first !== null
        ? (first as ConnectOpts)
        : { host: typeof args[1] === "string" ? args[1] : "localhost" };
    if (!opts.path) {
      const host = opts.host ?? "localhost";
      if (net.isIP(host) !== 0) {
        if (!isLoopback(host)) throw refuse(host);
      } else {
        const inner: LookupImpl = opts.lookup ?? (dnsLookup as unknown as LookupImpl);
        opts.lookup = (h, o, cb) =>
          inner(h, o, (err, address, family) => {
            const list = typeof address === "string" ? [address] : address.map((a) => a.address);
            const bad = list.find((a) => !isLoopback(a));
            if (!err && bad !== undefined) cb(refuse(`${h} → ${bad}`), "", 0);
            else cb(err, address, family);
          });
      }
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof proto.connect;
  return { violations, restore: () => void (proto.connect = original) };
}

export interface TestServer {
  url: string;
  port: number;
  /** TCP connections accepted so far (proves a refused check never connected). */
  connections(): number;
  close(): Promise<void>;
}

function track(server: net.Server): Pick<TestServer, "connections" | "close"> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  server.on("connection", (s: net.Socket) => {
    count++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return {
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("no port");
  return addr.port;
}

export async function startHttpServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  const tracked = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, ...tracked };
}

/** A raw TCP server (e.g. one that accepts and never answers). */
export async function startTcpServer(onSocket: (s: net.Socket) => void): Promise<TestServer> {
  const server = net.createServer(onSocket);
  const tracked = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, ...tracked };
}
