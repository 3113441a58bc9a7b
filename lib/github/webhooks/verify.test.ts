import { describe, expect, it } from "vitest";
import { verifySignature, webhookSecrets } from "./verify";

// GitHub's documented test vector (docs: "Validating webhook deliveries").
const SECRET = "It's a Secret to Everybody";
const BODY = Buffer.from("Hello, World!");
const SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("verifySignature", () => {
  it("accepts GitHub's test vector", () => {
    expect(verifySignature([SECRET], BODY, SIGNATURE)).toBe(true);
  });

  it("accepts any of several secrets and refuses everything else", () => {
    expect(verifySignature(webhookSecrets(`old-secret, ${SECRET}`), BODY, SIGNATURE)).toBe(true);
    expect(verifySignature(["wrong"], BODY, SIGNATURE)).toBe(false);
    expect(verifySignature([SECRET], Buffer.from("Hello, World?"), SIGNATURE)).toBe(false);
    expect(verifySignature([SECRET], BODY, null)).toBe(false);
    expect(verifySignature([SECRET], BODY, SIGNATURE.replace("sha256=", "sha1="))).toBe(false);
    expect(verifySignature([SECRET], BODY, `${SIGNATURE}00`)).toBe(false);
    expect(verifySignature([], BODY, SIGNATURE)).toBe(false);
  });

  it("refuses a signature that matches only in its first bytes (full-length compare)", () => {
    const hex = SIGNATURE.slice("sha256=".length);
    const lastFlipped = `${hex.slice(0, 63)}${hex[63] === "0" ? "1" : "0"}`;
    expect(verifySignature([SECRET], BODY, `sha256=${lastFlipped}`)).toBe(false);
    expect(verifySignature([SECRET], BODY, `sha256=${hex.slice(0, 32)}`)).toBe(false);
    expect(verifySignature([SECRET], BODY, `sha256=${hex.slice(0, 2)}`)).toBe(false);
    expect(verifySignature([SECRET], BODY, "sha256=")).toBe(false);
  });
});
