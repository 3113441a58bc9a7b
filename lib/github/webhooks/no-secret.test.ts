// Without GITHUB_WEBHOOK_SECRET every delivery is refused, however it is signed (an empty key too).
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { receiveWebhook } from "./receive";

const saved = process.env.GITHUB_WEBHOOK_SECRET;
delete process.env.GITHUB_WEBHOOK_SECRET;
resetEnvCache();
afterAll(() => {
  if (saved !== undefined) process.env.GITHUB_WEBHOOK_SECRET = saved;
  resetEnvCache();
});

describe("webhooks with no secret configured", () => {
  it.each(["", "guess", "It's a Secret to Everybody"])("refuses a delivery signed with %j", async (key) => {
    const body = JSON.stringify({ zen: "hi" });
    const signature = `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
    const request = new Request("http://127.0.0.1/api/webhooks/github", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": signature,
      },
    });
    expect(await receiveWebhook(request)).toMatchObject({ status: 401, code: "unauthorized" });
  });
});
