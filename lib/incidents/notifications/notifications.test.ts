// Notifications to real loopback receivers: a webhook server that verifies the HMAC signature and
// the timestamp, a Slack-format receiver, and an SMTP server (smtp-server + mailparser). Routing by
// event/type/severity, retries recorded in the delivery log, and the last attempt marked failed.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import { startHttpServer, type TestServer } from "@/lib/health/checks/loopback-test-kit";
import { testActor, testIncident } from "../test-kit";
import { createChannel } from "./channels";
import {
  deliverNotification,
  queueIncidentNotifications,
  queueMaintenanceNotifications,
  sendTestNotification,
} from "./deliver";
import { SIGNATURE_HEADER } from "./send";

const SECRET = "a webhook secret of some length";
type Received = { path: string; headers: IncomingMessage["headers"]; body: string; verified: boolean };
const received: Received[] = [];
let failNext = 0;
let http: TestServer;
let smtp: SMTPServer;
let smtpPort = 0;
const mails: Array<{ subject?: string; text?: string; to: string }> = [];

/** The receiver's side: recompute the signature over "<t>.<body>" and refuse timestamps older than 5 min. */
function verify(header: string | undefined, body: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!m) return false;
  const expected = createHmac("sha256", SECRET).update(`${m[1]}.${body}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(m[1])) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(m[2]!, "hex"));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    received.push({
      path: req.url ?? "",
      headers: req.headers,
      body,
      verified: verify(req.headers[SIGNATURE_HEADER] as string | undefined, body),
    });
    if (failNext > 0) {
      failNext--;
      return void res.writeHead(503).end("try later");
    }
    res.writeHead(200).end("ok");
  });
}

beforeAll(async () => {
  http = await startHttpServer(handle);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onAuth: (auth, _s, cb) =>
      auth.username === "steward" && auth.password === "smtp password"
        ? cb(null, { user: "steward" })
        : cb(new Error("bad auth")),
    onData: (stream, session, cb) => {
      simpleParser(stream).then((mail) => {
        mails.push({
          subject: mail.subject,
          text: mail.text,
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
        });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await http.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function customType() {
  const key = uniqueName("type");
  await db.incidentType.create({
    data: { key, label: "Test type", responseMinutes: 10, resolutionMinutes: 60, procedure: [] },
  });
  return key;
}
const collect: string[] = [];
const enqueue = async (id: string) => void collect.push(id);

describe("incident notifications", () => {
  it("signs webhook JSON with HMAC-SHA256 over timestamp and body; the receiver verifies it", async () => {
    const type = await customType();
    const actor = await testActor();
    const channel = await createChannel(
      { actor },
      {
        kind: "webhook",
        name: "hook",
        url: `${http.url}/hook`,
        secret: SECRET,
        events: ["opened"],
        types: [type],
        severities: [],
        enabled: true,
      },
    );
    expect(JSON.stringify(channel)).not.toContain(SECRET);
    const stored = await db.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(stored.secretCiphertext).not.toContain(SECRET);
    const incident = await testIncident(actor, { type, title: "Payments <down>" });
    const ids = await queueIncidentNotifications("opened", incident.id, enqueue);
    expect(ids).toHaveLength(1);
    expect(await queueIncidentNotifications("resolved", incident.id, enqueue)).toEqual([]); // not subscribed
    const result = await deliverNotification(ids[0]!);
    expect(result.ok).toBe(true);
    const got = received.find((r) => r.path === "/hook" && r.body.includes(incident.id))!;
    expect(got.verified).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      event: "opened",
      incident: { id: incident.id, title: "Payments <down>", severity: "SEV1" },
    });
    // A tampered body or a replayed old timestamp fails verification.
    expect(verify(got.headers[SIGNATURE_HEADER] as string, got.body.replace("opened", "resolved"))).toBe(false);
    const old = Math.floor(Date.now() / 1000) - 3600;
    const replay = `t=${old},v1=${createHmac("sha256", SECRET).update(`${old}.${got.body}`).digest("hex")}`;
    expect(verify(replay, got.body)).toBe(false);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({
      status: "sent",
      attempts: 1,
      responseStatus: 200,
    });
    const logged = await db.incidentEvent.findMany({ where: { incidentId: incident.id, kind: "notification" } });
    expect(logged.map((e) => e.body)).toEqual(["Notified hook (webhook): opened"]);
  });

  it("routes by severity, sends Slack-format text + attachments, and retries: failures are logged, the last one marks it failed", async () => {
    const type = await customType();
    const actor = await testActor();
    await createChannel(
      { actor },
      {
        kind: "slack",
        name: "slack sev1",
        url: `${http.url}/slack`,
        events: ["acknowledged"],
        types: [type],
        severities: ["SEV1"],
        enabled: true,
      },
    );
    const sev2 = await testIncident(actor, { type, severity: "SEV2" });
    expect(await queueIncidentNotifications("acknowledged", sev2.id, enqueue)).toEqual([]);
    const sev1 = await testIncident(actor, { type, title: "<!channel> & co" });
    const [id] = await queueIncidentNotifications("acknowledged", sev1.id, enqueue);
    failNext = 2;
    await expect(deliverNotification(id!)).rejects.toThrow(/attempt 1/);
    await expect(deliverNotification(id!)).rejects.toThrow(/attempt 2/);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "pending",
      attempts: 2,
      responseStatus: 503,
      error: "try later",
    });
    expect((await deliverNotification(id!)).ok).toBe(true);
    const got = received.filter((r) => r.path === "/slack").at(-1)!;
    const body = JSON.parse(got.body) as {
      text: string;
      attachments: Array<{ title: string; fields: Array<{ title: string; value: string }> }>;
    };
    expect(body.text).toContain("&lt;!channel&gt; &amp; co");
    expect(body.attachments[0]!.fields).toContainEqual({ title: "Severity", value: "SEV1", short: true });
    failNext = 1;
    const [last] = await queueIncidentNotifications("acknowledged", sev1.id, enqueue);
    expect((await deliverNotification(last!, { lastAttempt: true })).ok).toBe(false);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: last! } })).toMatchObject({
      status: "failed",
      attempts: 1,
    });
  });

  it("emails over SMTP with the password stored encrypted; send test works", async () => {
    const actor = await testActor();
    const channel = await createChannel(
      { actor },
      {
        kind: "email",
        name: "mail",
        host: "127.0.0.1",
        port: smtpPort,
        secure: false,
        username: "steward",
        password: "smtp password",
        from: "steward@example.org",
        to: ["oncall@example.org"],
        events: ["opened"],
        types: [await customType()],
        severities: [],
        enabled: true,
      },
    );
    const stored = await db.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(JSON.stringify(stored)).not.toContain("smtp password");
    const result = await sendTestNotification(channel.id);
    expect(result.ok).toBe(true);
    expect(mails.at(-1)).toMatchObject({
      subject: "steward: test notification — this channel works.",
      to: "oncall@example.org",
    });
  });

  it("announces scheduled maintenance to channels subscribed to it", async () => {
    const actor = await testActor();
    const channel = await createChannel(
      { actor },
      {
        kind: "slack",
        name: "maint",
        url: `${http.url}/maint`,
        events: ["maintenance_scheduled"],
        types: [],
        severities: [],
        enabled: true,
      },
    );
    const ids = await queueMaintenanceNotifications(
      { title: "DB upgrade", start: "2026-12-06T05:00:00.000Z", end: "2026-12-06T06:00:00.000Z", scope: ["api"] },
      enqueue,
    );
    const mine = await db.notificationDelivery.findMany({ where: { id: { in: ids }, channelId: channel.id } });
    expect(mine).toHaveLength(1);
    expect((await deliverNotification(mine[0]!.id)).ok).toBe(true);
    const got = received.filter((r) => r.path === "/maint").at(-1)!;
    expect((JSON.parse(got.body) as { text: string }).text).toBe(
      "Maintenance scheduled: DB upgrade, 2026-12-06T05:00:00.000Z to 2026-12-06T06:00:00.000Z (api)",
    );
    // Subscribed to every maintenance window: removed, so windows other tests create don't queue jobs to it.
    await db.notificationChannel.delete({ where: { id: channel.id } });
  });

  it("refuses cloud metadata addresses (SSRF guard) and logs the failure", async () => {
    const actor = await testActor();
    const channel = await createChannel(
      { actor },
      {
        kind: "slack",
        name: "metadata",
        url: "http://169.254.169.254/latest",
        events: ["opened"],
        types: [await customType()],
        severities: [],
        enabled: true,
      },
    );
    const result = await sendTestNotification(channel.id);
    expect(result.ok).toBe(false);
    expect(result.body).toMatch(/169\.254\.169\.254/);
  });
});
