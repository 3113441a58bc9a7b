// X-Hub-Signature-256 verification: HMAC-SHA256 of the raw body, compared in constant time,
// against every configured secret (one per installation, or old and new during a rotation).
import { createHmac, timingSafeEqual } from "node:crypto";

export function webhookSecrets(configured: string | undefined): string[] {
  return (configured ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function verifySignature(secrets: string[], body: Buffer, header: string | null): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].toLowerCase(), "hex");
  let ok = false;
  // Every secret is checked, so the time taken does not tell which one (if any) matched.
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret).update(body).digest();
    ok = timingSafeEqual(expected, given) || ok;
  }
  return ok;
}
