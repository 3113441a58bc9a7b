// POST /api/webhooks/github end to end: signature, limits, dedupe, queueing, and processing a
// delivery once (re-fetching the item from the test server).
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/github/route";
import { db } from "@/lib/db";
import { addComment, buildIssueCommentPayload, buildIssuesPayload, signWebhook } from "@/lib/github/test-server";
import { stopJobSender } from "@/lib/jobs/queue";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "../sync/sync-repository";
import { processWebhookDelivery } from "./process";

const SECRET = "webhook test secret";
process.env.GITHUB_WEBHOOK_SECRET = `rotated-out, ${SECRET}, It's a Secret to Everybody`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    name: "webhooks",
    databaseId: 1401,
    seed: 9,
    issues: 30,
    pulls: 10,
    historyCommits: 5,
    releases: 2,
    alerts: 2,
  });
  expect((await syncRepository(h.repoId, h.options())).status).toBe("succeeded");
});
afterAll(async () => {
  await stopJobSender();
  await h.stop();
});

function post(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  return POST(
    new NextRequest("http://127.0.0.1:3000/api/webhooks/github", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
    undefined,
  );
}
const signed = (event: string, body: string, delivery = randomUUID(), secret = SECRET) =>
  post(body, {
    "x-github-event": event,
    "x-github-delivery": delivery,
    "x-hub-signature-256": signWebhook(secret, body),
  });
const jobsFor = async (deliveryId: string) =>
  (
    await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'github-webhook' AND data->>'deliveryId' = $1`,
      deliveryId,
    )
  )[0]?.n;

describe("POST /api/webhooks/github", () => {
  it("refuses missing and wrong signatures with 401", async () => {
    const body = JSON.stringify({ zen: "hi" });
    const missing = await post(body, { "x-github-event": "issues", "x-github-delivery": randomUUID() });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe("unauthorized");
    expect((await signed("issues", body, randomUUID(), "wrong secret")).status).toBe(401);
  });

  it("accepts GitHub's documented test vector (then refuses the body, which is not JSON)", async () => {
    const response = await post("Hello, World!", {
      "x-github-event": "issues",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    });
    expect([response.status, (await response.json()).error.code]).toEqual([400, "bad_request"]);
  });

  it("answers unknown events and pings with 200 and malformed bodies with 400 or 413", async () => {
    expect(await (await signed("star", JSON.stringify({ action: "created" }))).json()).toEqual({ status: "ignored" });
    expect(await (await signed("ping", JSON.stringify({ zen: "Keep it logically awesome." }))).json()).toEqual({
      status: "pong",
    });
    const malformed = await signed("issues", "{not json");
    expect([malformed.status, (await malformed.json()).error.code]).toEqual([400, "bad_request"]);
    const big = new Uint8Array(25 * 1024 * 1024 + 1).fill(32);
    const tooLarge = await post(big, {
      "x-github-event": "issues",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": signWebhook(SECRET, Buffer.from(big)),
    });
    expect([tooLarge.status, (await tooLarge.json()).error.code]).toEqual([413, "payload_too_large"]);
  });

  it("queues a delivery once and processes it once", async () => {
    const item = h.repo.items.find((i) => i.__typename === "Issue")!;
    const comment = addComment(h.repo, item.number, new Date(Date.parse(h.repo.meta.now) + 60_000), {
      body: "Webhook comment 🚀\u0000",
    });
    const body = JSON.stringify(buildIssueCommentPayload(h.repo, item.number, comment));
    const delivery = randomUUID();
    const first = await signed("issue_comment", body, delivery);
    expect([first.status, await first.json()]).toEqual([202, { status: "queued" }]);
    const again = await signed("issue_comment", body, delivery);
    expect([again.status, await again.json()]).toEqual([200, { status: "duplicate" }]);
    expect(await jobsFor(delivery)).toBe(1n);

    const options = { client: h.options().client };
    expect(await processWebhookDelivery(delivery, options)).toMatchObject({ status: "processed" });
    expect(await processWebhookDelivery(delivery, options)).toMatchObject({ status: "already-processed" });
    expect(await db.githubComment.findUnique({ where: { id: comment.id } })).toMatchObject({
      body: "Webhook comment 🚀",
      itemId: item.id,
    });
    expect(await db.githubWebhookDelivery.findUnique({ where: { id: delivery } })).toMatchObject({
      status: "processed",
      payload: null,
    });
  });

  it("accepts the form-encoded content type too", async () => {
    const body = new URLSearchParams({
      payload: JSON.stringify({ action: "created", label: { name: "x" } }),
    }).toString();
    const response = await post(body, {
      "content-type": "application/x-www-form-urlencoded",
      "x-github-event": "watch",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": signWebhook(SECRET, body),
    });
    expect([response.status, await response.json()]).toEqual([200, { status: "ignored" }]);
  });

  it("marks a deleted issue from its payload", async () => {
    const item = h.repo.items.filter((i) => i.__typename === "Issue").at(-1)!;
    const delivery = randomUUID();
    expect(
      (await signed("issues", JSON.stringify(buildIssuesPayload(h.repo, item.number, "deleted")), delivery)).status,
    ).toBe(202);
    await processWebhookDelivery(delivery, { client: h.options().client });
    expect(await db.githubItem.findUnique({ where: { id: item.id } })).toMatchObject({
      state: "DELETED",
      removedReason: "deleted",
    });
    expect(h.server.stats.invalidQueries).toEqual([]);
  });
});
