// Secrets at rest (the GitHub token entered in Settings): AES-256-GCM with a key derived by HKDF from
// the app secret and a purpose, so one secret yields independent keys and a ciphertext can't be
// replayed under another purpose. `keyId` tells "the app secret changed" apart from "damaged data".
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;

export type SecretPurpose = "github-token" | "notification-channel" | "health-target";

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

function deriveKey(appSecret: Uint8Array, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "steward secrets at rest", `${VERSION}:${purpose}`, 32));
}

/** A short, non-secret fingerprint of the key for `purpose`: stored next to ciphertexts. */
export function keyFingerprint(appSecret: Uint8Array, purpose: SecretPurpose): string {
  return createHmac("sha256", deriveKey(appSecret, purpose)).update("key fingerprint").digest("hex").slice(0, 16);
}

export function encryptSecret(plaintext: string, appSecret: Uint8Array, purpose: SecretPurpose): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(appSecret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    body.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

export function decryptSecret(sealed: string, appSecret: Uint8Array, purpose: SecretPurpose): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || body === undefined || !tag)
    throw new SecretDecryptionError("The stored secret is not in a format this version of steward knows.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(appSecret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("The stored secret could not be decrypted (wrong app secret or damaged data).");
  }
}
