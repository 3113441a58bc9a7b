import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHttpCheck } from "./http-check";
import {
  installLoopbackGuard,
  startHttpServer,
  startTcpServer,
  type LoopbackGuard,
  type TestServer,
} from "./loopback-test-kit";

let guard: LoopbackGuard;
let server: TestServer;
let other: TestServer; // a second origin, for cross-origin redirects
let hanging: TestServer;
const seen: Array<{ url: string; method: string; headers: IncomingMessage["headers"]; body: string }> = [];
const MiB = 1024 * 1024;

const json = (res: ServerResponse, value: unknown) =>
  void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? "/", "http://x");
  const p = url.pathname;
  seen.push({ url: req.url ?? "", method: req.method ?? "", headers: req.headers, body });
  if (p === "/healthy") return void res.end("all systems ok");
  if (p === "/slow") return void setTimeout(() => res.end("late"), Number(url.searchParams.get("ms")));
  if (p === "/fail") return void res.writeHead(500).end("boom");
  if (p === "/status.json")
    return json(res, {
      status: "ok",
      checks: [
        { name: "db", healthy: true },
        { name: "cache", healthy: false },
      ],
      "db-primary": { up: 1 },
    });
  if (p === "/not-json") return void res.end("<html>ok</html>");
  if (p === "/long.json") return json(res, { status: `\u202e<b>x${"y".repeat(2000)}` });
  if (p === "/drip") {
    res.writeHead(200, { "content-type": "text/plain" });
    const t = setInterval(() => res.write("."), 20);
    return void res.on("close", () => clearInterval(t));
  }
  if (p === "/huge") {
    if (url.searchParams.has("declared")) res.setHeader("content-length", 2 * MiB);
    return void res.end(`needle${"x".repeat(2 * MiB - 6)}`);
  }
  if (p.startsWith("/chain/")) {
    const n = Number(p.slice(7));
    return void (n === 0 ? res.end("end of chain") : res.writeHead(302, { location: `/chain/${n - 1}` }).end());
  }
  if (p === "/loop-a") return void res.writeHead(301, { location: "/loop-b" }).end();
  if (p === "/loop-b") return void res.writeHead(301, { location: "/loop-a" }).end();
  if (p === "/see-other") return void res.writeHead(303, { location: "/healthy" }).end();
  if (p === "/to-other") return void res.writeHead(307, { location: `${other.url}/healthy` }).end();
  if (p === "/to-self") return void res.writeHead(307, { location: "/healthy" }).end();
  res.writeHead(404).end();
}

beforeAll(async () => {
  guard = installLoopbackGuard();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => route(req, res, body));
  };
  server = await startHttpServer(handler);
  other = await startHttpServer(handler);
  hanging = await startTcpServer(() => undefined); // accepts, never answers
});

afterAll(async () => {
  await Promise.all([server.close(), other.close(), hanging.close()]);
  guard.restore();
  expect(guard.violations).toEqual([]);
});

const check = (path: string, extra: Record<string, unknown> = {}) =>
  runHttpCheck({ url: `${server.url}${path}`, timeoutMs: 2000, ...extra });

describe("runHttpCheck against loopback servers", () => {
  it("passes a healthy endpoint", async () => {
    const r = await check("/healthy");
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.failure).toBeUndefined();
    expect(r.responseTimeMs).toBeGreaterThan(0);
  });

  it("measures at least the server's delay", async () => {
    const r = await check("/slow?ms=150");
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.responseTimeMs).toBeGreaterThanOrEqual(150);
  });

  it("times out a server slower than the timeout", async () => {
    const r = await check("/slow?ms=1500", { timeoutMs: 200 });
    expect(r.failure?.kind).toBe("timeout");
    expect(r.responseTimeMs).toBeGreaterThanOrEqual(200);
  });

  it("times out a server that accepts and never answers, within bound", async () => {
    const r = await runHttpCheck({ url: hanging.url, timeoutMs: 250 });
    expect(r.failure?.kind).toBe("timeout");
    expect(r.responseTimeMs).toBeGreaterThanOrEqual(250);
    expect(r.responseTimeMs).toBeLessThan(250 + 2000);
    expect(hanging.connections()).toBeGreaterThan(0);
  });

  it("times out a body that drips forever", async () => {
    const r = await check("/drip", { timeoutMs: 250 });
    expect(r.failure?.kind).toBe("timeout");
    expect(r.responseTimeMs).toBeLessThan(250 + 2000);
  });

  it("records the status of a failing endpoint", async () => {
    expect(await check("/fail")).toMatchObject({ ok: false, status: 500, failure: { kind: "status" } });
    expect(await check("/fail", { expectedStatus: { min: 500, max: 500 } })).toMatchObject({ ok: true, status: 500 });
  });

  it.each([
    ["all systems ok", true, undefined],
    ["degraded", false, "keyword"],
  ])("keyword %j → ok=%s", async (keyword, ok, kind) => {
    const r = await check("/healthy", { keyword });
    expect(r.ok).toBe(ok);
    expect(r.failure?.kind).toBe(kind);
  });

  it.each([
    ["$.status", "ok", true, undefined],
    ["$.checks[0].healthy", true, true, undefined],
    ['$["db-primary"].up', 1, true, undefined],
    ["$.checks[1].healthy", true, false, "$.checks[1].healthy is false, expected true"],
    ["$.status", "OK", false, '$.status is "ok", expected "OK"'],
    ["$.missing.deep", "x", false, "$.missing.deep not found in the response"],
    ["$.checks[0].healthy", "true", false, '$.checks[0].healthy is true, expected "true"'], // no type coercion
  ])("json path %s == %j → ok=%s", async (path, equals, ok, message) => {
    const r = await check("/status.json", { jsonPath: { path, equals } });
    expect(r.ok).toBe(ok);
    if (message) expect(r.failure).toMatchObject({ kind: "json-path", message });
  });

  it("fails a JSON check on a non-JSON body", async () => {
    const r = await check("/not-json", { jsonPath: { path: "$.status", equals: "ok" } });
    expect(r.failure).toMatchObject({ kind: "json-path", message: "response body is not valid JSON" });
  });

  it("fails content checks on a body over the cap, even if the keyword is in the first bytes", async () => {
    expect((await check("/huge", { keyword: "needle" })).failure?.kind).toBe("body-too-large");
    expect((await check("/huge?declared", { keyword: "needle" })).failure?.kind).toBe("body-too-large");
    expect((await check("/huge", { keyword: "needle", maxBodyBytes: 4 * MiB })).ok).toBe(true);
  });

  it("judges a status-only check on a huge body by its status (reads only up to the cap)", async () => {
    expect(await check("/huge")).toMatchObject({ ok: true, status: 200 });
  });

  it("follows a redirect chain of 5 and refuses a 6th hop", async () => {
    expect(await check("/chain/5")).toMatchObject({ ok: true, status: 200 });
    expect((await check("/chain/6")).failure).toEqual({ kind: "redirect-loop", message: "more than 5 redirects" });
  });

  it("detects a redirect loop", async () => {
    const r = await check("/loop-a");
    expect(r.failure?.kind).toBe("redirect-loop");
    expect(r.failure?.message).toContain("/loop-a was already visited");
  });

  it("turns POST into GET after 303, and sends the body on the first hop", async () => {
    seen.length = 0;
    await check("/see-other", {
      method: "POST",
      body: "ping=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(seen.map((s) => [s.url, s.method, s.body])).toEqual([
      ["/see-other", "POST", "ping=1"],
      ["/healthy", "GET", ""],
    ]);
  });

  it("drops every custom header on a cross-origin redirect but keeps them on the same origin", async () => {
    seen.length = 0;
    await check("/to-other", { headers: { authorization: "Bearer s3cret", "x-api-key": "k3y", "x-trace": "1" } });
    await check("/to-self", { headers: { authorization: "Bearer s3cret", "x-api-key": "k3y" } });
    const [, crossHop, , sameHop] = seen;
    expect(crossHop?.headers.authorization).toBeUndefined();
    expect(crossHop?.headers["x-api-key"]).toBeUndefined();
    expect(crossHop?.headers["x-trace"]).toBeUndefined();
    expect(crossHop?.headers["user-agent"]).toBe("steward-health-check/1");
    expect(sameHop?.headers.authorization).toBe("Bearer s3cret");
    expect(sameHop?.headers["x-api-key"]).toBe("k3y");
  });

  it("echoes at most 120 characters of a mismatched JSON value, invisible characters escaped", async () => {
    const r = await check("/long.json", { jsonPath: { path: "$.status", equals: "ok" } });
    const message = r.failure?.message ?? "";
    expect(message).toMatch(/^\$\.status is "\\u202e<b>x/);
    expect(message).toContain('… (2012 characters), expected "ok"');
    expect(message.length).toBeLessThan(200);
    expect(message).not.toContain("\u202e");
    // Admins get up to 1,000 characters of the same value (the target's page), escaped the same way.
    const detail = r.failure?.detail ?? "";
    expect(detail).toMatch(/^\$\.status is "\\u202e<b>xy{989}… \(2012 characters\)$/);
    expect(detail).not.toContain("\u202e");
  });

  it("keeps the start of the body for admins when a keyword or JSON check fails on the content", async () => {
    const keyword = await check("/healthy", { keyword: "degraded" });
    expect(keyword.failure).toMatchObject({ kind: "keyword", detail: '"all systems ok"' });
    const notJson = await check("/not-json", { jsonPath: { path: "$.status", equals: "ok" } });
    expect(notJson.failure).toMatchObject({ message: "response body is not valid JSON", detail: '"<html>ok</html>"' });
    expect((await check("/fail")).failure?.detail).toBeUndefined(); // a status failure reads no content
  });

  it("reports a closed port as refused, a TLS handshake with a plain server as tls", async () => {
    const gone = await startHttpServer(() => undefined);
    await gone.close();
    expect((await runHttpCheck({ url: gone.url })).failure?.kind).toBe("refused");
    expect((await runHttpCheck({ url: server.url.replace("http:", "https:"), timeoutMs: 2000 })).failure?.kind).toBe(
      "tls",
    );
  });

  it("reports an invalid check as an error result instead of throwing", async () => {
    const r = await runHttpCheck({ url: "ftp://127.0.0.1/" });
    expect(r.failure?.kind).toBe("error");
    expect(r.failure?.message).toContain("url must be an http:// or https:// URL");
  });
});
