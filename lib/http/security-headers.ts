// Response headers that depend on the request or the configuration (static ones: next.config.ts).
import { getEnv } from "@/lib/env";

/** A fresh nonce for one page response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * Scripts: only this response's nonce ('strict-dynamic' lets Next's nonced loader add its chunks).
 * Styles keep 'unsafe-inline': React and Recharts write style attributes, which a nonce cannot cover.
 */
export function contentSecurityPolicy(nonce: string, dev = getEnv().NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only when people reach steward over https (STEWARD_PUBLIC_URL says so). */
export function strictTransportSecurity(): string | null {
  return getEnv().STEWARD_PUBLIC_URL?.startsWith("https:") ? "max-age=31536000; includeSubDomains" : null;
}

/** Headers every API response gets unless the handler set them: never cached, HSTS when on https. */
export function applyApiHeaders(response: Response): Response {
  let target = response;
  try {
    if (!target.headers.has("cache-control")) target.headers.set("cache-control", "no-store");
  } catch {
    target = new Response(response.body, response); // Response.redirect() has immutable headers
    if (!target.headers.has("cache-control")) target.headers.set("cache-control", "no-store");
  }
  const hsts = strictTransportSecurity();
  if (hsts) target.headers.set("strict-transport-security", hsts);
  return target;
}
