import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import {
  applyApiHeaders,
  contentSecurityPolicy,
  createNonce,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

const saved = process.env.STEWARD_PUBLIC_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.STEWARD_PUBLIC_URL;
  else process.env.STEWARD_PUBLIC_URL = saved;
  resetEnvCache();
});

describe("security headers", () => {
  it("sends HSTS only when STEWARD_PUBLIC_URL is https", () => {
    process.env.STEWARD_PUBLIC_URL = "https://steward.example.org";
    resetEnvCache();
    expect(strictTransportSecurity()).toMatch(/^max-age=\d+/);
    expect(applyApiHeaders(Response.json({})).headers.get("strict-transport-security")).toMatch(/^max-age=/);
    process.env.STEWARD_PUBLIC_URL = "http://steward.internal";
    resetEnvCache();
    expect(strictTransportSecurity()).toBeNull();
    delete process.env.STEWARD_PUBLIC_URL;
    resetEnvCache();
    expect(strictTransportSecurity()).toBeNull();
  });

  it("marks API responses no-store unless the handler chose otherwise, redirects included", () => {
    expect(applyApiHeaders(Response.json({ ok: true })).headers.get("cache-control")).toBe("no-store");
    expect(
      applyApiHeaders(new Response("x", { headers: { "cache-control": "max-age=5" } })).headers.get("cache-control"),
    ).toBe("max-age=5");
    expect(applyApiHeaders(Response.redirect("http://x/login", 303)).headers.get("cache-control")).toBe("no-store");
  });

  it("allows scripts only with this response's nonce (no unsafe-inline), eval only in development", () => {
    const nonce = createNonce();
    expect(createNonce()).not.toBe(nonce);
    const production = contentSecurityPolicy(nonce, false);
    const scripts = production.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(production).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(nonce, true)).toContain("'unsafe-eval'");
  });
});
