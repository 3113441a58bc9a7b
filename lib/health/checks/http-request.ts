/**
 * One HTTP exchange for a health check: connects only to the vetted address, reads at most
 * `maxBodyBytes`, and gives up as soon as the shared AbortSignal fires (total-check timeout).
 */
import http from "node:http";
import https from "node:https";
import { CheckFailureError, classifyNetworkError } from "./check-failure";
import { pinnedLookup, type VettedTarget } from "./resolve-target";
import type { AddressPolicy } from "./ssrf";

export interface HopRequest {
  url: URL;
  target: VettedTarget;
  policy: AddressPolicy;
  method: string;
  headers: Record<string, string>;
  body?: string;
  maxBodyBytes: number;
  /** When true a body past the cap fails the check; otherwise reading just stops at the cap. */
  bodyRequired: boolean;
  signal: AbortSignal;
}

export interface HopResponse {
  status: number;
  location?: string;
  body: Buffer;
  truncated: boolean;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

function tooLarge(cap: number): CheckFailureError {
  return new CheckFailureError("body-too-large", `response body is larger than ${cap} bytes`);
}

function readBody(
  res: http.IncomingMessage,
  req: HopRequest,
  done: (err: Error | null, r?: HopResponse) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const status = res.statusCode ?? 0;
  const finish = (truncated: boolean) => done(null, { status, body: Buffer.concat(chunks), truncated });
  const declared = Number(res.headers["content-length"]);
  if (req.bodyRequired && Number.isFinite(declared) && declared > req.maxBodyBytes) {
    res.destroy();
    done(tooLarge(req.maxBodyBytes));
    return;
  }
  res.on("data", (chunk: Buffer) => {
    const room = req.maxBodyBytes - size;
    if (chunk.length <= room) {
      chunks.push(chunk);
      size += chunk.length;
      return;
    }
    chunks.push(chunk.subarray(0, room));
    res.destroy(); // stop downloading whatever the server still wants to send
    if (req.bodyRequired) done(tooLarge(req.maxBodyBytes));
    else finish(true);
  });
  res.on("end", () => finish(false));
  res.on("error", (err) => done(err));
  res.on("close", () => {
    if (!res.complete) done(new CheckFailureError("error", "connection closed before the body was complete"));
  });
}

/** Sends one request; rejects with CheckFailureError only. Redirect bodies are not read. */
export function sendHop(req: HopRequest): Promise<HopResponse> {
  return new Promise<HopResponse>((resolve, reject) => {
    let settled = false;
    const done = (err: Error | null, r?: HopResponse) => {
      if (settled) return;
      settled = true;
      req.signal.removeEventListener("abort", onAbort);
      if (err || !r) reject(classifyNetworkError(err));
      else resolve(r);
    };
    const onAbort = () => {
      request.destroy();
      done(new CheckFailureError("timeout", "check timed out"));
    };
    const client = req.url.protocol === "https:" ? https : http;
    const request = client.request({
      protocol: req.url.protocol,
      host: req.target.hostname,
      port: req.url.port || undefined,
      path: `${req.url.pathname}${req.url.search}`,
      method: req.method,
      headers: req.headers,
      lookup: pinnedLookup(req.target, req.policy),
      agent: false, // no pooled sockets: each hop connects to its own vetted address
    });
    if (req.signal.aborted) return onAbort();
    req.signal.addEventListener("abort", onAbort, { once: true });
    request.on("error", (err) => done(err));
    request.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECT.has(status) && location) {
        res.destroy();
        done(null, { status, location, body: Buffer.alloc(0), truncated: false });
        return;
      }
      if (req.method === "HEAD") {
        res.resume();
        res.on("end", () => done(null, { status, body: Buffer.alloc(0), truncated: false }));
        res.on("error", (err) => done(err));
        return;
      }
      readBody(res, req, done);
    });
    request.end(req.body);
  });
}
