// The GitHub GraphQL client every sync goes through: one request at a time per token, paced under
// the hourly budget and the per-minute secondary limit, retried with backoff and jitter, and with
// page sizes that halve on gateway timeouts. The token is only ever put in the request header.
import { graphql } from "@octokit/graphql";
import { classify, GithubUnavailableError, RateLimitExhaustedError } from "./client-errors";
import { abortReason, type PageSize, pacerFor, sleep, type TokenPacer } from "./pacing";
import type { RateLimitInfo } from "./queries/types";
import type { Exclusive } from "./token-lock";
import { graphqlHook, type Turn } from "./transport";

export interface GithubClientOptions {
  token: string;
  /** https://api.github.com, or GitHub Enterprise Server's https://host/api. */
  baseUrl?: string;
  signal?: AbortSignal;
  /** Points of the hourly budget left untouched; a sync stops (and is rescheduled) rather than dip into them. */
  reserve?: number;
  /** Requests per minute per token (GitHub's secondary limit: 2,000 points, one per query). */
  perMinute?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest `retry-after` waited in place; longer ones stop the sync like an exhausted budget. */
  maxWaitMs?: number;
  random?: () => number;
  /** Cross-process exclusion for this token's requests (token-lock.ts); in-process order is the pacer's. */
  exclusive?: Exclusive;
}

export interface ClientStats {
  requests: number;
  retries: number;
  points: number;
  remaining: number | null;
  resetAt: Date | null;
  lastError: string | null;
}

export interface QueryOptions {
  /** Sent as `$first`; halved on 502/504 and grown back after successes. */
  page?: PageSize;
}

type WithRateLimit = { rateLimit?: RateLimitInfo | null };

/** What a client and its forks share: the connection, the token's pacer and the run's statistics. */
interface Shared {
  request: typeof graphql;
  pacer: TokenPacer;
  stats: ClientStats;
  costs: Map<string, number>;
  exclusive?: Exclusive;
}

export class GithubClient {
  private readonly shared: Shared;
  private readonly options: Required<Omit<GithubClientOptions, "token" | "signal" | "baseUrl" | "exclusive">> & {
    signal?: AbortSignal;
  };

  constructor(options: GithubClientOptions, shared?: Shared) {
    if (!options.token && !shared) throw new Error("A GitHub token is required (GITHUB_TOKEN).");
    this.shared = shared ?? {
      pacer: pacerFor(options.token),
      request: graphql.defaults({
        baseUrl: (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
        // Next-format node ids for every object, old ones included: ids are the items' keys.
        headers: {
          authorization: `bearer ${options.token}`,
          "user-agent": "steward-github-sync",
          "x-github-next-global-id": "1",
        },
      }),
      stats: { requests: 0, retries: 0, points: 0, remaining: null, resetAt: null, lastError: null },
      costs: new Map(),
      exclusive: options.exclusive,
    };
    this.options = {
      signal: options.signal,
      reserve: options.reserve ?? 500,
      perMinute: options.perMinute ?? 1500,
      maxAttempts: options.maxAttempts ?? 8,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 60_000,
      maxWaitMs: options.maxWaitMs ?? 5 * 60_000,
      random: options.random ?? Math.random,
    };
  }

  get stats(): ClientStats {
    return this.shared.stats;
  }

  /** The same client (pacing, statistics) with an extra abort signal: for work that may be abandoned. */
  fork(signal: AbortSignal): GithubClient {
    const own = this.options.signal;
    return new GithubClient(
      { ...this.options, token: "", signal: own ? AbortSignal.any([own, signal]) : signal },
      this.shared,
    );
  }

  /** Runs a query; GraphQL errors (NOT_FOUND, FORBIDDEN…) throw GithubQueryError with the partial data. */
  async query<T>(document: string, variables: Record<string, unknown>, options: QueryOptions = {}): Promise<T> {
    const { signal, maxAttempts } = this.options;
    let last = "";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (signal?.aborted) throw abortReason(signal);
      this.checkBudget(document);
      try {
        const data = await this.send<T & WithRateLimit>(document, {
          ...variables,
          ...(options.page ? { first: options.page.value } : {}),
        });
        // @octokit/graphql resolves `undefined` when a 200 body is cut short: that page did not arrive.
        if (data === undefined || data === null || typeof data !== "object") throw new TruncatedResponse();
        this.record(document, data.rateLimit);
        options.page?.succeeded();
        return data;
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        const failure =
          error instanceof TruncatedResponse ? { kind: "transient" as const, message: error.message } : classify(error);
        let delay = this.backoff(attempt);
        if (failure.kind === "exhausted")
          throw new RateLimitExhaustedError(failure.resetAt, "GitHub reports the rate limit exhausted");
        if (failure.kind === "query") {
          this.record(document, (failure.error.data as WithRateLimit | null)?.rateLimit);
          throw failure.error;
        }
        if (failure.kind === "fatal") throw new GithubUnavailableError(failure.message);
        if (failure.kind === "gateway") options.page?.shrink();
        if (failure.kind === "secondary") {
          if (failure.retryAfterMs > this.options.maxWaitMs)
            throw new RateLimitExhaustedError(new Date(Date.now() + failure.retryAfterMs));
          this.shared.pacer.pausedUntil = Math.max(this.shared.pacer.pausedUntil, Date.now() + failure.retryAfterMs);
          delay = 0; // the pause applies to every request on this token, inside the queue
        }
        if (failure.kind === "transient" && failure.retryAfterMs !== undefined)
          delay = Math.min(failure.retryAfterMs, this.options.maxWaitMs);
        last = failure.message;
        this.stats.retries++;
        this.stats.lastError = last;
        if (attempt < maxAttempts) await sleep(delay, signal);
      }
    }
    throw new GithubUnavailableError(`GitHub failed ${maxAttempts} times in a row (last: ${last})`);
  }

  /** Budget last reported by GitHub for this token (shared with other clients in this process). */
  get budget() {
    return this.shared.pacer.currentBudget();
  }

  /** The token's turn covers the HTTP exchange only; the answer is parsed after it (transport.ts). */
  private send<T>(document: string, variables: Record<string, unknown>): Promise<T> {
    const { signal, perMinute } = this.options;
    const { pacer, exclusive } = this.shared;
    const turn: Turn = (exchange) =>
      pacer.exclusive(async () => {
        // No await when there is nothing to wait for: the request goes out in this turn's first tick.
        const wait = Math.max(pacer.pausedUntil - Date.now(), pacer.delayForNext(perMinute));
        if (wait > 0 || signal?.aborted) await sleep(wait, signal);
        const go = () => {
          pacer.recordSent();
          this.stats.requests++;
          return exchange();
        };
        return exclusive ? exclusive(go, signal) : go();
      });
    return this.shared.request<T>(document, { ...variables, request: { signal, hook: graphqlHook(turn) } });
  }

  /** Stops before a request that would eat into the reserve; the last cost of the same document is the estimate. */
  private checkBudget(document: string): void {
    const budget = this.shared.pacer.currentBudget();
    if (!budget) return;
    const expected = this.shared.costs.get(document) ?? 1;
    if (budget.remaining - expected < this.options.reserve) throw new RateLimitExhaustedError(budget.resetAt);
  }

  private record(document: string, rateLimit: RateLimitInfo | null | undefined): void {
    if (!rateLimit) return;
    this.shared.costs.set(document, rateLimit.cost);
    this.stats.points += rateLimit.cost;
    this.stats.remaining = rateLimit.remaining;
    this.stats.resetAt = new Date(rateLimit.resetAt);
    this.shared.pacer.budget = {
      remaining: rateLimit.remaining,
      limit: rateLimit.limit,
      resetAt: new Date(rateLimit.resetAt),
    };
  }

  /** Exponential backoff with full jitter. */
  private backoff(attempt: number): number {
    const { baseDelayMs, maxDelayMs, random } = this.options;
    return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
  }
}

class TruncatedResponse extends Error {
  constructor() {
    super("GitHub's response was cut short (no data)");
  }
}
