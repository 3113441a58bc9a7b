// Random secrets for sessions and API tokens. Only their SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "stw_";

export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${generateSecret()}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), tokenHash: hashSecret(token) };
}
