// What can go wrong talking to GitHub, sorted into what the client retries and what it reports.
import { GraphqlResponseError } from "@octokit/graphql";

/** @octokit/request's RequestError (name "HttpError"), matched by shape: that package is not a direct dependency. */
interface HttpError extends Error {
  status: number;
  response?: { headers?: Record<string, string | number | undefined> };
}
const isHttpError = (error: unknown): error is HttpError =>
  error instanceof Error && error.name === "HttpError" && typeof (error as { status?: unknown }).status === "number";

/** The hourly budget is (nearly) spent: stop and run again after `resetAt`. */
export class RateLimitExhaustedError extends Error {
  constructor(
    readonly resetAt: Date,
    message = `GitHub rate limit reserve reached; resumes after ${resetAt.toISOString()}`,
  ) {
    super(message);
    this.name = "RateLimitExhaustedError";
  }
}

export interface GithubErrorInfo {
  type?: string;
  message: string;
  path?: (string | number)[];
}

/** GitHub answered, but with errors that retrying will not fix (NOT_FOUND, FORBIDDEN, bad cursor…). */
export class GithubQueryError extends Error {
  constructor(
    readonly errors: GithubErrorInfo[],
    readonly data: unknown,
  ) {
    super(
      `GitHub GraphQL error: ${errors
        .map((e) => `${e.type ?? "ERROR"}: ${e.message}`)
        .join("; ")
        .slice(0, 500)}`,
    );
    this.name = "GithubQueryError";
  }
}

/** The partial data of a query whose every error is `tolerable` (e.g. NOT_FOUND for a deleted node); rethrows otherwise. */
export function partialData<T>(error: unknown, tolerable: (e: GithubErrorInfo) => boolean): T {
  if (error instanceof GithubQueryError && error.data && error.errors.length > 0 && error.errors.every(tolerable))
    return error.data as T;
  throw error;
}

/** Retries ran out (GitHub kept failing); the sync stops and the next run resumes from the watermark. */
export class GithubUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GithubUnavailableError";
  }
}

export type Failure =
  | { kind: "gateway"; message: string } // 502/504: the query took too long — retry with a smaller page
  | { kind: "transient"; message: string; retryAfterMs?: number }
  | { kind: "secondary"; message: string; retryAfterMs: number }
  | { kind: "exhausted"; resetAt: Date }
  | { kind: "query"; error: GithubQueryError }
  | { kind: "fatal"; message: string; status?: number };

const header = (headers: Record<string, string | number | undefined> | undefined, name: string) => {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
};

function resetOf(headers: Record<string, string | number | undefined> | undefined): Date {
  const reset = Number(header(headers, "x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + 60_000);
}

function retryAfterMs(headers: Record<string, string | number | undefined> | undefined): number | undefined {
  const value = header(headers, "retry-after");
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

const TRANSIENT_MESSAGE = /something went wrong|timeout|timed out|try again/i;

export function classify(error: unknown): Failure {
  if (error instanceof GraphqlResponseError) {
    const errors = (error.errors ?? []) as GithubErrorInfo[];
    if (errors.some((e) => e.type === "RATE_LIMITED")) return { kind: "exhausted", resetAt: resetOf(error.headers) };
    if (errors.length > 0 && errors.every((e) => !e.type && TRANSIENT_MESSAGE.test(e.message))) {
      return { kind: "gateway", message: errors[0]?.message ?? "GitHub timed out" };
    }
    return { kind: "query", error: new GithubQueryError(errors, error.data) };
  }
  if (isHttpError(error)) {
    const headers = error.response?.headers;
    const status = error.status;
    if (status === 502 || status === 504) return { kind: "gateway", message: `HTTP ${status}` };
    if (status === 403 || status === 429) {
      const wait = retryAfterMs(headers);
      if (wait !== undefined)
        return { kind: "secondary", message: `HTTP ${status} (secondary rate limit)`, retryAfterMs: wait };
      if (header(headers, "x-ratelimit-remaining") === "0") return { kind: "exhausted", resetAt: resetOf(headers) };
      if (/secondary rate limit|abuse/i.test(error.message))
        return { kind: "secondary", message: `HTTP ${status} (secondary rate limit)`, retryAfterMs: 60_000 };
      return { kind: "fatal", status, message: `HTTP ${status}: access denied (check the token's scopes)` };
    }
    if (status === 401) return { kind: "fatal", status, message: "HTTP 401: bad credentials (check the GitHub token)" };
    if (status >= 500 || status === 408)
      return {
        kind: "transient",
        message: `HTTP ${status}: ${error.message.slice(0, 200)}`,
        retryAfterMs: retryAfterMs(headers),
      };
    return { kind: "fatal", status, message: `HTTP ${status}: ${error.message.slice(0, 200)}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "transient", message: message.slice(0, 200) };
}
