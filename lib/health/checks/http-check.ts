/**
 * Runs one HTTP health check and always resolves to a CheckResult (never throws for anything the
 * target does). Every hop — the first request and each redirect — is resolved, vetted against the
 * address policy and pinned (see resolve-target.ts); the whole chain shares one timeout.
 *
 * Body cap (default 1 MiB, `maxBodyBytes`): with a keyword or JSON-path assertion a larger body
 * fails as "body-too-large" (a miss on a truncated body would be a misleading "keyword" failure);
 * a status-only check stops reading at the cap and is judged on its status.
 */
import { z } from "zod";
import { CheckFailureError, classifyNetworkError, type FailureKind } from "./check-failure";
import { sendHop, type HopResponse } from "./http-request";
import { parseJsonPath, readJsonPath } from "./json-path";
import { resolveTarget, type HostLookup } from "./resolve-target";
import { HttpCheckInput, type HttpCheck } from "../schemas";
import type { AddressPolicy } from "./ssrf";

export const MAX_REDIRECTS = 5;

export interface CheckResult {
  ok: boolean;
  status?: number;
  responseTimeMs: number;
  failure?: { kind: FailureKind; message: string; detail?: string };
  checkedAt: Date;
}

export interface RunHttpCheckOptions {
  /** Loopback/private targets; default true because steward is self-hosted next to what it checks. */
  allowPrivate?: boolean;
  lookup?: HostLookup;
}

const BASE_HEADERS = { "user-agent": "steward-health-check/1", accept: "*/*" } as const;
/** What a failed JSON-path assertion may echo of the target's response (every role sees the message). */
export const ECHO_LIMIT = 120;
/** What a failed content check keeps of the response for admins (`failure.detail`, on the target's page). */
export const ADMIN_ECHO_LIMIT = 1000;

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CheckFailureError("timeout", "check timed out"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function fetchFollowingRedirects(
  check: HttpCheck,
  opts: RunHttpCheckOptions,
  signal: AbortSignal,
  bodyRequired: boolean,
): Promise<HopResponse> {
  const policy: AddressPolicy = { allowPrivate: opts.allowPrivate ?? true };
  let url = new URL(check.url);
  let method: string = check.method;
  let body = check.body;
  let headers: Record<string, string> = { ...BASE_HEADERS, ...check.headers };
  const seen = new Set([url.href]);
  for (let hop = 0; ; hop++) {
    const target = await raceAbort(resolveTarget(url, policy, opts.lookup), signal).catch((err: unknown) => {
      const failure = classifyNetworkError(err);
      throw hop === 0
        ? failure
        : new CheckFailureError(failure.kind, `redirect to ${url.href} refused: ${failure.message}`);
    });
    const res = await sendHop({
      url,
      target,
      policy,
      method,
      headers,
      body,
      maxBodyBytes: check.maxBodyBytes,
      bodyRequired,
      signal,
    });
    if (res.location === undefined) return res;
    if (hop >= MAX_REDIRECTS) throw new CheckFailureError("redirect-loop", `more than ${MAX_REDIRECTS} redirects`);
    const next = URL.canParse(res.location, url) ? new URL(res.location, url) : undefined;
    if (!next) throw new CheckFailureError("error", `invalid redirect location ${JSON.stringify(res.location)}`);
    if (seen.has(next.href))
      throw new CheckFailureError("redirect-loop", `redirect loop: ${next.href} was already visited`);
    seen.add(next.href);
    // Same rules as browsers: 303 (and 301/302 after POST) turn into a body-less GET.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = method === "HEAD" ? "HEAD" : "GET";
      body = undefined;
    }
    // Custom headers are the target's secrets (API keys under any name): another origin gets none of them.
    if (next.origin !== url.origin) headers = { ...BASE_HEADERS };
    url = next;
  }
}

/** A value from the response as JSON, invisible and direction-changing characters escaped, cut at `limit` characters. */
export function echo(value: unknown, limit = ECHO_LIMIT): string {
  const json = (JSON.stringify(value) ?? "undefined").replace(
    /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  const cut = Array.from(json.slice(0, 2 * limit)) // a code point is at most two UTF-16 units
    .slice(0, limit)
    .join("");
  if (cut.length === json.length) return json;
  const pairs = json.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0;
  return `${cut}… (${json.length - pairs} characters)`;
}

function assessResponse(check: HttpCheck, res: HopResponse): CheckResult["failure"] {
  const { min, max } = check.expectedStatus;
  if (res.status < min || res.status > max) {
    return { kind: "status", message: `status ${res.status} is outside the expected ${min}–${max}` };
  }
  const text = check.keyword !== undefined || check.jsonPath !== undefined ? res.body.toString("utf8") : "";
  // For admins: the start of the body a content check failed on (the message quotes none of it, or 120 characters).
  const detail = (value: unknown) => echo(value, ADMIN_ECHO_LIMIT);
  if (check.keyword !== undefined && !text.includes(check.keyword)) {
    return {
      kind: "keyword",
      message: `keyword ${JSON.stringify(check.keyword)} not found in the response body`,
      detail: detail(text),
    };
  }
  if (check.jsonPath !== undefined) {
    const { path, equals } = check.jsonPath;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return { kind: "json-path", message: "response body is not valid JSON", detail: detail(text) };
    }
    const found = readJsonPath(doc, parseJsonPath(path) ?? []);
    if (!found.found) return { kind: "json-path", message: `${path} not found in the response`, detail: detail(doc) };
    if (found.value !== equals) {
      return {
        kind: "json-path",
        message: `${path} is ${echo(found.value)}, expected ${JSON.stringify(equals)}`,
        detail: `${path} is ${detail(found.value)}`,
      };
    }
  }
  return undefined;
}

type Exchange =
  | { res: HopResponse; responseTimeMs: number }
  | { failure: NonNullable<CheckResult["failure"]>; responseTimeMs: number };

/** One request chain under one total timeout; network failures come back as a failure, never thrown. */
async function exchange(check: HttpCheck, opts: RunHttpCheckOptions, bodyRequired: boolean): Promise<Exchange> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), check.timeoutMs);
  try {
    const res = await fetchFollowingRedirects(check, opts, controller.signal, bodyRequired);
    return { res, responseTimeMs: performance.now() - started };
  } catch (err) {
    const failure = controller.signal.aborted
      ? new CheckFailureError("timeout", `no complete response within ${check.timeoutMs} ms`)
      : classifyNetworkError(err);
    return { failure: { kind: failure.kind, message: failure.message }, responseTimeMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export type FetchBodyResult = CheckResult & { body?: Buffer };

async function checkAndRead(
  input: z.input<typeof HttpCheckInput>,
  opts: RunHttpCheckOptions,
  bodyRequired?: boolean,
): Promise<FetchBodyResult> {
  const checkedAt = new Date();
  const parsed = HttpCheckInput.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      responseTimeMs: 0,
      failure: { kind: "error", message: z.prettifyError(parsed.error) },
      checkedAt,
    };
  }
  const check = parsed.data;
  const result = await exchange(
    check,
    opts,
    bodyRequired ?? (check.keyword !== undefined || check.jsonPath !== undefined),
  );
  if ("failure" in result)
    return { ok: false, responseTimeMs: result.responseTimeMs, failure: result.failure, checkedAt };
  const { res, responseTimeMs } = result;
  const failure = assessResponse(check, res);
  return failure
    ? { ok: false, status: res.status, responseTimeMs, failure, checkedAt }
    : { ok: true, status: res.status, responseTimeMs, checkedAt, body: res.body };
}

/** Runs `input` (validated with HttpCheckInput; invalid input is reported as kind "error"). */
export async function runHttpCheck(
  input: z.input<typeof HttpCheckInput>,
  opts: RunHttpCheckOptions = {},
): Promise<CheckResult> {
  const { body: _body, ...result } = await checkAndRead(input, opts);
  return result;
}

/**
 * GETs a URL through the same vetted, pinned, redirect-checked path as a check (used to scrape
 * Prometheus endpoints). A 2xx with a body of at most `maxBodyBytes` is ok; a larger body fails.
 */
export async function fetchVettedBody(
  input: { url: string; timeoutMs: number; maxBodyBytes: number; headers?: Record<string, string> },
  opts: RunHttpCheckOptions = {},
): Promise<FetchBodyResult> {
  return checkAndRead({ ...input, method: "GET", expectedStatus: { min: 200, max: 299 } }, opts, true);
}
