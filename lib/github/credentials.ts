// The GitHub token: GITHUB_TOKEN from the environment wins; otherwise the one an admin entered in
// Settings → Repositories, checked against GitHub before it is stored, kept encrypted at rest
// (lib/secrets) and never returned to a browser, logged or put in an error message.
import { db, getDatabaseUrl } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { getAppSecret } from "@/lib/secrets/app-secret";
import { decryptSecret, encryptSecret, keyFingerprint } from "@/lib/secrets/encryption";
import { GithubClient, type GithubClientOptions } from "./client";
import { GithubQueryError } from "./client-errors";
import { VIEWER } from "./queries/repository";
import type { RateLimitInfo } from "./queries/types";
import { type Exclusive, tokenLockFor } from "./token-lock";

const ROW_ID = "default";
const PURPOSE = "github-token";

export type GithubTokenStatus =
  | { source: "env" }
  | { source: "settings"; login: string | null; updatedAt: Date; updatedBy: string | null; problem: string | null }
  | { source: "none" };

export class GithubTokenUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GithubTokenUnavailableError";
  }
}

const KEY_CHANGED =
  "The GitHub token stored in Settings was encrypted with a different app secret (STEWARD_SECRET or the data directory's secret file changed). Enter the token again in Settings → Repositories.";

export async function getGithubTokenStatus(): Promise<GithubTokenStatus> {
  if (getEnv().GITHUB_TOKEN) return { source: "env" };
  const row = await db.githubCredential.findUnique({ where: { id: ROW_ID } });
  if (!row) return { source: "none" };
  const problem = row.keyId === keyFingerprint(getAppSecret().value, PURPOSE) ? null : KEY_CHANGED;
  return { source: "settings", login: row.login, updatedAt: row.updatedAt, updatedBy: row.updatedBy, problem };
}

/** Whether a sync could authenticate now (a token from the environment, or a readable stored one). */
export async function hasUsableGithubToken(): Promise<boolean> {
  const status = await getGithubTokenStatus();
  return status.source === "env" || (status.source === "settings" && status.problem === null);
}

/** The token a sync uses, or null when none is configured; throws when a stored one can't be decrypted. */
export async function resolveGithubToken(): Promise<string | null> {
  const fromEnv = getEnv().GITHUB_TOKEN;
  if (fromEnv) return fromEnv;
  const row = await db.githubCredential.findUnique({ where: { id: ROW_ID } });
  if (!row) return null;
  const secret = getAppSecret().value;
  if (row.keyId !== keyFingerprint(secret, PURPOSE)) throw new GithubTokenUnavailableError(KEY_CHANGED);
  try {
    return decryptSecret(row.ciphertext, secret, PURPOSE);
  } catch {
    throw new GithubTokenUnavailableError(
      "The GitHub token stored in Settings is damaged. Enter it again in Settings → Repositories.",
    );
  }
}

/** Options for the client: the configured token (GITHUB_TOKEN or Settings) unless the caller passes one. */
export async function githubClientOptions(overrides: Partial<GithubClientOptions> = {}): Promise<GithubClientOptions> {
  const env = getEnv();
  const token = overrides.token ?? (await resolveGithubToken());
  if (!token) throw new Error("No GitHub token: set GITHUB_TOKEN or enter one in Settings → Repositories.");
  const lock = env.STEWARD_EMBEDDED_DATABASE ? null : tokenLockFor(getDatabaseUrl());
  const exclusive: Exclusive | undefined = lock ? (work, signal) => lock.run(token, work, signal) : undefined;
  return { baseUrl: env.GITHUB_API_URL, reserve: env.STEWARD_GITHUB_RATE_RESERVE, exclusive, ...overrides, token };
}

export interface VerifiedToken {
  login: string | null;
  remaining: number | null;
  limit: number | null;
}

/** Asks GitHub (GITHUB_API_URL) who the token belongs to; a clear 422 when it is refused or unreachable. */
export async function verifyGithubToken(token: string): Promise<VerifiedToken> {
  const env = getEnv();
  const client = new GithubClient({
    token,
    baseUrl: env.GITHUB_API_URL,
    maxAttempts: 2,
    baseDelayMs: 250,
    signal: AbortSignal.timeout(20_000),
    reserve: 0,
  });
  try {
    const data = await client.query<{ viewer: { login: string } | null; rateLimit: RateLimitInfo | null }>(VIEWER, {});
    return {
      login: data.viewer?.login ?? null,
      remaining: data.rateLimit?.remaining ?? null,
      limit: data.rateLimit?.limit ?? null,
    };
  } catch (error) {
    const reason =
      error instanceof GithubQueryError
        ? "GitHub refused the query"
        : error instanceof Error
          ? error.message
          : "unknown error";
    const message = `GitHub at ${env.GITHUB_API_URL} did not accept this token: ${reason.slice(0, 300)}`;
    throw new ApiError(422, "validation_failed", message, { token: [message] });
  }
}

export async function saveGithubToken(token: string, actor: Actor): Promise<VerifiedToken> {
  if (getEnv().GITHUB_TOKEN)
    throw new ApiError(
      409,
      "conflict",
      "GITHUB_TOKEN is set in the environment and takes precedence; unset it to manage the token here.",
    );
  const verified = await verifyGithubToken(token);
  const secret = getAppSecret().value;
  const data = {
    ciphertext: encryptSecret(token, secret, PURPOSE),
    keyId: keyFingerprint(secret, PURPOSE),
    login: verified.login,
    updatedBy: actor.username,
  };
  await db.$transaction(async (tx) => {
    await tx.githubCredential.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...data }, update: data });
    await recordAudit(
      { action: "github_token.saved", actorId: actor.id, target: verified.login ?? "GitHub token", ip: actor.ip },
      tx,
    );
  });
  return verified;
}

export async function removeGithubToken(actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.githubCredential.deleteMany({ where: { id: ROW_ID } });
    if (count > 0)
      await recordAudit(
        { action: "github_token.removed", actorId: actor.id, target: "GitHub token", ip: actor.ip },
        tx,
      );
    return count > 0;
  });
}
