import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runHttpCheck } from "./http-check";
import { installLoopbackGuard, startHttpServer, type LoopbackGuard, type TestServer } from "./loopback-test-kit";
import type { HostLookup } from "./resolve-target";

let guard: LoopbackGuard;
let server: TestServer;

const REDIRECTS: Record<string, string> = {
  "/to-metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
  "/to-mapped": "http://[::ffff:a9fe:a9fe]/",
  "/to-decimal": "http://2852039166/",
  "/to-name": "http://metadata.test/computeMetadata/v1/",
  "/to-gopher": "gopher://127.0.0.1:6379/_INFO",
};

beforeAll(async () => {
  guard = installLoopbackGuard();
  server = await startHttpServer((req, res) => {
    const location = REDIRECTS[req.url ?? ""];
    if (location) res.writeHead(302, { location }).end();
    else res.end("ok");
  });
});

afterAll(async () => {
  await server.close();
  guard.restore();
  expect(guard.violations).toEqual([]);
});

const answers = (...ips: string[]): LookupAddress[] =>
  ips.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("redirects are vetted hop by hop", () => {
  const lookup = vi.fn<HostLookup>(async (host) =>
    host === "metadata.test" ? answers("169.254.169.254") : answers("127.0.0.1"),
  );

  it.each(["/to-metadata", "/to-mapped", "/to-decimal", "/to-name"])(
    "%s is refused as blocked-address",
    async (path) => {
      const r = await runHttpCheck({ url: `${server.url}${path}`, timeoutMs: 2000 }, { lookup });
      expect(r.ok).toBe(false);
      expect(r.failure?.kind).toBe("blocked-address");
      expect(r.failure?.message).toMatch(/^redirect to .* refused: .*metadata address/);
    },
  );

  it("refuses a redirect to a non-http scheme", async () => {
    const r = await runHttpCheck({ url: `${server.url}/to-gopher`, timeoutMs: 2000 });
    expect(r.failure?.kind).toBe("error");
    expect(r.failure?.message).toContain("unsupported scheme gopher:");
  });
});

describe("address policy at the first hop", () => {
  it("checks loopback by default and refuses it, without connecting, when allowPrivate is false", async () => {
    expect(await runHttpCheck({ url: `${server.url}/` })).toMatchObject({ ok: true, status: 200 });
    const before = server.connections();
    const r = await runHttpCheck({ url: `${server.url}/` }, { allowPrivate: false });
    expect(r.failure?.kind).toBe("blocked-address");
    expect(server.connections()).toBe(before);
  });

  it("refuses a hostname whose resolution is a metadata address", async () => {
    const lookup = vi.fn<HostLookup>(async () => answers("169.254.169.254"));
    const r = await runHttpCheck({ url: `http://innocent.test:${server.port}/` }, { lookup });
    expect(r.failure).toEqual({
      kind: "blocked-address",
      message: "innocent.test (169.254.169.254) is a metadata address and may not be checked",
    });
  });

  it("pins the connection to the first, vetted answer: a rebinding resolver is asked only once", async () => {
    let calls = 0;
    const rebinding = vi.fn<HostLookup>(async () =>
      calls++ === 0 ? answers("127.0.0.1") : answers("169.254.169.254"),
    );
    const r = await runHttpCheck({ url: `http://rebind.test:${server.port}/` }, { lookup: rebinding });
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(rebinding).toHaveBeenCalledTimes(1);
  });

  it("reports a resolver failure as dns", async () => {
    const failing = vi.fn<HostLookup>(async () =>
      Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND x.test"), { code: "ENOTFOUND" })),
    );
    expect((await runHttpCheck({ url: "http://x.test/" }, { lookup: failing })).failure?.kind).toBe("dns");
  });

  it("counts a resolver that never answers against the timeout", async () => {
    const never = vi.fn<HostLookup>(() => new Promise(() => undefined));
    const r = await runHttpCheck({ url: "http://slow-dns.test/", timeoutMs: 150 }, { lookup: never });
    expect(r.failure?.kind).toBe("timeout");
  });
});
