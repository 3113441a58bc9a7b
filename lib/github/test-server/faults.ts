import { Rng } from "./random";

/** The ways GitHub's GraphQL endpoint fails that a sync has to survive. */
export type FaultKind = "502" | "504" | "secondary-rate-limit" | "truncated-json";

export interface FaultOptions {
  /** Seed for probability draws (default 1): the same seed fails the same requests. */
  seed?: number;
  /** Chance per request of each fault, e.g. `{ "502": 0.05 }`. */
  probability?: Partial<Record<FaultKind, number>>;
  /** Faults for the next requests, in order: `["502", { kind: "504", count: 2 }]`. */
  next?: (FaultKind | { kind: FaultKind; count: number })[];
  /**
   * 502 when one connection can return more than `maxNodes` nodes (page size × enclosing page
   * sizes), as GitHub times out on large nested pages; lets a sync's halve-the-page logic be tested.
   */
  firstTooLarge?: { maxNodes: number };
  /** `retry-after` seconds sent with a secondary rate limit (default 60). */
  retryAfterSeconds?: number;
}

/** Decides, request by request, whether to fail; the queue is consumed before probabilities are drawn. */
export class FaultPlan {
  private queue: FaultKind[] = [];
  private rng: Rng;
  private options: FaultOptions = {};

  constructor(options: FaultOptions = {}) {
    this.rng = new Rng(1);
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = options;
    this.rng = new Rng(options.seed ?? 1);
    this.queue = (options.next ?? []).flatMap((f) =>
      typeof f === "string" ? [f] : Array.from({ length: f.count }, () => f.kind),
    );
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 60;
  }

  /** The fault for this request, if any; one draw per request keeps the sequence reproducible. */
  draw(): FaultKind | null {
    const queued = this.queue.shift();
    if (queued) return queued;
    const probability = this.options.probability;
    if (!probability) return null;
    let u = this.rng.next();
    for (const kind of ["502", "504", "secondary-rate-limit", "truncated-json"] as const) {
      const p = probability[kind] ?? 0;
      if (u < p) return kind;
      u -= p;
    }
    return null;
  }

  tooLarge(maxConnectionNodes: number): boolean {
    const limit = this.options.firstTooLarge?.maxNodes;
    return limit !== undefined && maxConnectionNodes > limit;
  }
}

const requestId = (rng: Rng) =>
  `${rng.hex(4).toUpperCase()}:${rng.hex(5).toUpperCase()}:${rng.hex(6).toUpperCase()}:${rng.hex(6).toUpperCase()}:${rng.hex(8).toUpperCase()}`;
const ids = new Rng(7);

export function newRequestId(): string {
  return requestId(ids);
}

/** GitHub's "Unicorn" page for 502, and its gateway-timeout page for 504: HTML, not JSON. */
export function gatewayPage(status: 502 | 504): string {
  const text =
    status === 502
      ? "We had issues producing the response to your request.</strong></p>\n    <p>Sorry about that. Please try refreshing and contact us if the problem persists."
      : "We couldn't respond to your request in time.</strong></p>\n    <p>Sorry about that. Please try resubmitting your request and contact us if the problem persists.";
  return `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'">
    <title>${status === 502 ? "Unicorn!" : "Gateway Timeout"} &middot; GitHub</title>
    <style type="text/css" media="screen">body { background-color: #f1f1f1; margin: 0; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }</style>
  </head>
  <body>
    <div class="container">
    <p><strong>${text}</p>
    <div id="suggestions"><a href="https://githubstatus.com">GitHub Status</a> &mdash; <a href="https://twitter.com/githubstatus">@githubstatus</a></div>
    </div>
  </body>
</html>
`;
}

export function secondaryLimitBody(requestIdValue: string): string {
  return JSON.stringify({
    documentation_url:
      "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestIdValue}.`,
  });
}

/** A 200 response whose JSON stops mid-way (a proxy cut the connection): the client must not trust it. */
export function truncate(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}
