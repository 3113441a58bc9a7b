import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { checkConfig } from "./target-config";
import { sealInlineTargetSecrets, toAdminTarget, updateHealthTarget } from "./targets";
import { joinSecrets, mergeSubmitted, splitSecrets } from "./target-secrets";

const SECRET_URL = "https://bot:pa55word@status.example.org/health?token=q1&x=2";

describe("splitting a config into what is stored and what is sealed", () => {
  it("takes userinfo, query and header values out, and puts them back", () => {
    const config = { url: SECRET_URL, headers: { "X-Api-Key": "k3y" } };
    const { config: stored, secrets } = splitSecrets("http", config);
    expect(stored).toEqual({ url: "https://status.example.org/health", headers: { "X-Api-Key": "" } });
    expect(secrets).toEqual({ userinfo: "bot:pa55word", query: "token=q1&x=2", headers: { "X-Api-Key": "k3y" } });
    expect(joinSecrets("http", stored, secrets)).toEqual(config);
  });

  it("keeps stored secrets the form did not resend, replaces typed ones, and forgets on request", () => {
    const stored = splitSecrets("http", { url: SECRET_URL, headers: { Authorization: "Bearer a" } });
    const resent = { url: "https://status.example.org/health", headers: { Authorization: "" } };
    expect(mergeSubmitted("http", resent, stored, false)).toEqual({
      url: SECRET_URL,
      headers: { Authorization: "Bearer a" },
    });
    const typed = { url: "https://u:p@status.example.org/health", headers: { Authorization: "Bearer b" } };
    expect(mergeSubmitted("http", typed, stored, false)).toEqual({
      url: "https://u:p@status.example.org/health?token=q1&x=2",
      headers: { Authorization: "Bearer b" },
    });
    expect(mergeSubmitted("http", resent, stored, true)).toEqual(resent);
    // A new host does not inherit the old URL's credentials.
    expect(mergeSubmitted("http", { url: "https://elsewhere.example.org/health" }, stored, false)).toEqual({
      url: "https://elsewhere.example.org/health",
    });
  });
});

describe("health-target secrets at rest", () => {
  it("never stores them in plain text, shows admins only which are set, and checks with them", async () => {
    const target = await createTestHealthTarget({
      kind: "http",
      check: { url: SECRET_URL, headers: { "X-Api-Key": "k3y-value" } },
    });
    const [raw] = await db.$queryRaw<
      Array<{ row: string }>
    >`SELECT row_to_json(t)::text AS row FROM "HealthTarget" t WHERE id = ${target.id}::uuid`;
    for (const secret of ["pa55word", "token=q1", "k3y-value"]) expect(raw?.row).not.toContain(secret);
    const admin = toAdminTarget(target);
    expect(admin.secretsSet).toEqual({ urlCredentials: true, urlQuery: true, headers: ["X-Api-Key"] });
    expect(JSON.stringify(admin)).not.toMatch(/pa55word|token=q1|k3y-value/);
    const check = checkConfig(target);
    expect(check.kind === "http" && check.check).toMatchObject({
      url: SECRET_URL,
      headers: { "X-Api-Key": "k3y-value" },
    });

    // The edit form sends the config it was shown (secrets blank): they are kept.
    const updated = await updateHealthTarget(
      target.id,
      { name: "renamed", check: { ...(admin.config as object), timeoutMs: 2000 } },
      null,
      "test",
    );
    const after = checkConfig(updated);
    expect(after.kind === "http" && after.check).toMatchObject({
      url: SECRET_URL,
      headers: { "X-Api-Key": "k3y-value" },
      timeoutMs: 2000,
    });
  });

  it("seals secrets that older rows keep inline", async () => {
    const target = await createTestHealthTarget({ kind: "prometheus", url: "http://127.0.0.1:9/metrics" });
    await db.healthTarget.update({
      where: { id: target.id },
      data: { config: { url: "http://scrape:s3cr3t@127.0.0.1:9/metrics?k=v", timeoutMs: 1000, mapping: {} } },
    });
    expect(await sealInlineTargetSecrets()).toBeGreaterThanOrEqual(1);
    const row = await db.healthTarget.findUniqueOrThrow({ where: { id: target.id } });
    expect(JSON.stringify(row.config)).not.toContain("s3cr3t");
    expect(row.secrets).not.toBeNull();
    expect(checkConfig(row)).toMatchObject({ url: "http://scrape:s3cr3t@127.0.0.1:9/metrics?k=v" });
  });
});
