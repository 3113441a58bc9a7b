import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOrCreateSecretFile } from "./app-secret";
import { decryptSecret, encryptSecret, keyFingerprint, SecretDecryptionError } from "./encryption";

const secret = Buffer.from("a".repeat(64));
const other = Buffer.from("b".repeat(64));
const token = "ghp_1234567890abcdefghijklmnopqrstuvwxyz 🔑 ünïcode";

describe("secrets at rest", () => {
  it("round-trips, and the sealed text never contains the plaintext", () => {
    const sealed = encryptSecret(token, secret, "github-token");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("ghp_");
    expect(decryptSecret(sealed, secret, "github-token")).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret(token, secret, "github-token")).not.toBe(encryptSecret(token, secret, "github-token"));
  });

  it("refuses another app secret and any tampering", () => {
    const sealed = encryptSecret(token, secret, "github-token");
    expect(() => decryptSecret(sealed, other, "github-token")).toThrow(SecretDecryptionError);
    const [v, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([v, iv, flipped.toString("base64url"), tag].join("."), secret, "github-token")).toThrow(
      SecretDecryptionError,
    );
    expect(() =>
      decryptSecret([v, iv, body, Buffer.alloc(16).toString("base64url")].join("."), secret, "github-token"),
    ).toThrow(SecretDecryptionError);
    expect(() => decryptSecret("v0.a.b.c", secret, "github-token")).toThrow(/format/);
  });

  it("fingerprints keys without revealing them: stable per secret, different across secrets", () => {
    expect(keyFingerprint(secret, "github-token")).toBe(keyFingerprint(Buffer.from(secret), "github-token"));
    expect(keyFingerprint(secret, "github-token")).not.toBe(keyFingerprint(other, "github-token"));
    expect(keyFingerprint(secret, "github-token")).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("the generated app secret", () => {
  it("is created once with mode 0600 and then reused", () => {
    const file = join(mkdtempSync(join(tmpdir(), "steward-secret-")), "nested", "secret");
    const first = readOrCreateSecretFile(file);
    expect(first.toString()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file).equals(first)).toBe(true);
  });
});
