// Sending one notification: HTTP POSTs through the health feature's SSRF guard (vetted, pinned
// address; no redirects followed), email over SMTP with nodemailer (host vetted the same way).
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import { sendHop } from "@/lib/health/checks/http-request";
import { resolveTarget } from "@/lib/health/checks/resolve-target";
import type { AddressPolicy } from "@/lib/health/checks/ssrf";

export type SendResult = { ok: boolean; status: number | null; body: string };

export const SIGNATURE_HEADER = "x-steward-signature";
export const TIMESTAMP_HEADER = "x-steward-timestamp";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: receivers recompute it and refuse old timestamps (replay). */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex")}`;
}

const policy = (): AddressPolicy => ({ allowPrivate: getEnv().STEWARD_HEALTH_ALLOW_PRIVATE });

export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<SendResult> {
  const target = new URL(url);
  const signal = AbortSignal.timeout(timeoutMs);
  const vetted = await resolveTarget(target, policy());
  const res = await sendHop({
    url: target,
    target: vetted,
    policy: policy(),
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "steward-notifications", ...headers },
    body,
    maxBodyBytes: 4096,
    bodyRequired: false,
    signal,
  });
  return {
    ok: res.status >= 200 && res.status < 300,
    status: res.status,
    body: res.body.toString("utf8").slice(0, 1000),
  };
}

export async function sendWebhook(url: string, secret: string, body: string, now: Date): Promise<SendResult> {
  const t = Math.floor(now.getTime() / 1000);
  return postJson(url, body, { [SIGNATURE_HEADER]: signPayload(secret, body, t), [TIMESTAMP_HEADER]: String(t) });
}

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  username?: string;
  password?: string;
  from: string;
  to: string[];
};

export async function sendEmail(smtp: SmtpSettings, subject: string, text: string): Promise<SendResult> {
  const vetted = await resolveTarget(new URL(`http://${smtp.host}:${smtp.port}`), policy());
  const transport = nodemailer.createTransport({
    host: vetted.address,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? "" } : undefined,
    tls: { servername: smtp.host },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  try {
    const info = await transport.sendMail({ from: smtp.from, to: smtp.to, subject, text });
    return { ok: info.rejected.length === 0, status: null, body: String(info.response).slice(0, 1000) };
  } finally {
    transport.close();
  }
}
