import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { GitHubErrorJson } from "./errors";
import { createQueryEngine } from "./execute-query";
import {
  type FaultKind,
  type FaultOptions,
  FaultPlan,
  gatewayPage,
  newRequestId,
  secondaryLimitBody,
  truncate,
} from "./faults";
import { makeUser } from "./gen-context";
import { isRecord } from "./links";
import { RateLimiter, type RateLimitOptions } from "./rate-limit";
import { NodeIndex } from "./resolvers/context";
import { githubSchema } from "./schema";
import type { GeneratedRepo } from "./types";

export interface GitHubTestServerOptions {
  repos: GeneratedRepo[];
  /** 0 (default) picks a free port. */
  port?: number;
  /** Added to every response. */
  latencyMs?: number;
  faults?: FaultOptions;
  rateLimit?: RateLimitOptions;
  /** Tokens accepted; when omitted any non-empty token is. */
  tokens?: string[];
  /** Tokens that can read but not write: mutations get FORBIDDEN, `viewerPermission` is READ. */
  readOnlyTokens?: string[];
}

export interface RequestRecord {
  at: string;
  path: string;
  status: number;
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** Points charged (0 when the query did not run). */
  cost: number;
  fault: FaultKind | "first-too-large" | null;
  /** GitHub error `type`s in the response (NOT_FOUND, RATE_LIMITED, …). */
  errorTypes: string[];
  durationMs: number;
}

export interface InvalidQuery {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  errors: GitHubErrorJson[];
}

export interface ServerStats {
  requests: RequestRecord[];
  totalPoints: number;
  /** Queries GitHub would reject: unknown fields/arguments, bad variables, bad page sizes, node limit. */
  invalidQueries: InvalidQuery[];
  maxConcurrent: number;
  reset(): void;
}

export interface GitHubTestServer {
  /** Base URL (`http://127.0.0.1:PORT`); `@octokit/graphql` posts to `${url}/graphql`. */
  url: string;
  graphqlUrl: string;
  stats: ServerStats;
  rateLimiter: RateLimiter;
  setFaults(faults: FaultOptions): void;
  setLatency(ms: number): void;
  stop(): Promise<void>;
}

const GRAPHQL_PATHS = new Set(["/graphql", "/api/graphql"]);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

const docJson = (message: string, status: number, documentation_url = "https://docs.github.com/graphql") =>
  JSON.stringify({ message, documentation_url, status: String(status) });

export async function startGitHubTestServer(options: GitHubTestServerOptions): Promise<GitHubTestServer> {
  const schema = githubSchema();
  const limiter = new RateLimiter(options.rateLimit);
  const faults = new FaultPlan(options.faults);
  const viewer = makeUser("steward-test-bot", "Steward Test");
  const engine = createQueryEngine(schema, options.repos, new NodeIndex(options.repos), limiter, viewer);
  let latencyMs = options.latencyMs ?? 0;
  let inFlight = 0;
  const stats: ServerStats = {
    requests: [],
    totalPoints: 0,
    invalidQueries: [],
    maxConcurrent: 0,
    reset() {
      this.requests = [];
      this.totalPoints = 0;
      this.invalidQueries = [];
      this.maxConcurrent = 0;
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const base = { "x-github-request-id": requestId, server: "github.com" };
    const json = {
      ...base,
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v4; format=json",
    };
    let entry: Omit<RequestRecord, "at" | "path" | "status" | "durationMs"> = {
      operationName: null,
      variables: null,
      cost: 0,
      fault: null,
      errorTypes: [],
    };
    const reply = (status: number, body: string, headers: Record<string, string>) => {
      send(res, status, body, headers);
      stats.requests.push({
        at: new Date().toISOString(),
        path,
        status,
        ...entry,
        durationMs: performance.now() - started,
      });
    };

    const raw = await readBody(req);
    if (latencyMs > 0) await sleep(latencyMs);
    if (req.method !== "POST" || !GRAPHQL_PATHS.has(path))
      return reply(404, docJson("Not Found", 404, "https://docs.github.com/rest"), json);
    const token = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!token)
      return reply(
        401,
        docJson(
          "This endpoint requires you to be authenticated.",
          401,
          "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
        ),
        json,
      );
    if (options.tokens && !options.tokens.includes(token)) return reply(401, docJson("Bad credentials", 401), json);

    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return reply(400, docJson("Problems parsing JSON", 400), json);
    }
    const query = isRecord(payload) && typeof payload.query === "string" ? payload.query : null;
    const variables = isRecord(payload) && isRecord(payload.variables) ? payload.variables : {};
    const operationName = isRecord(payload) && typeof payload.operationName === "string" ? payload.operationName : null;
    entry = { ...entry, operationName, variables };
    const invalid = (errors: GitHubErrorJson[], status = 200) => {
      stats.invalidQueries.push({ query: query ?? "", operationName: entry.operationName, variables, errors });
      entry.errorTypes = errors.flatMap((e) => (e.type ? [e.type] : []));
      reply(status, JSON.stringify({ errors }), { ...json, ...limiter.headers() });
    };
    if (query === null) return invalid([{ message: "A query attribute must be specified and must be a string." }]);

    const fault = faults.draw();
    if (fault === "502" || fault === "504") {
      entry.fault = fault;
      return reply(Number(fault), gatewayPage(fault === "502" ? 502 : 504), {
        ...base,
        "content-type": "text/html; charset=utf-8",
      });
    }
    if (fault === "secondary-rate-limit") {
      entry.fault = fault;
      return reply(403, secondaryLimitBody(requestId), {
        ...json,
        "retry-after": String(faults.retryAfterSeconds),
        ...limiter.headers(),
      });
    }

    const outcome = engine.prepare({
      query,
      operationName,
      variables,
      canWrite: !options.readOnlyTokens?.includes(token),
    });
    entry.operationName = outcome.operationName;
    if (outcome.kind === "invalid") return invalid(outcome.body.errors);
    if (faults.tooLarge(outcome.analysis.maxConnectionNodes)) {
      entry.fault = "first-too-large";
      return reply(502, gatewayPage(502), { ...base, "content-type": "text/html; charset=utf-8" });
    }
    const result = await outcome.run();
    if (result.kind === "rate-limited") {
      entry.errorTypes = ["RATE_LIMITED"];
      return reply(limiter.exceededStatus, JSON.stringify(result.body), {
        ...json,
        ...limiter.headers(),
        "x-ratelimit-remaining": "0",
      });
    }
    entry.cost = outcome.analysis.cost;
    stats.totalPoints += outcome.analysis.cost;
    entry.errorTypes = (result.body.errors ?? []).flatMap((e) => (e.type ? [e.type] : []));
    if (result.paginationErrors.length)
      stats.invalidQueries.push({
        query,
        operationName: entry.operationName,
        variables,
        errors: result.paginationErrors,
      });
    let body = JSON.stringify(result.body);
    if (fault === "truncated-json") {
      entry.fault = fault;
      body = truncate(body);
    }
    reply(200, body, { ...json, ...limiter.headers() });
  }

  const server = createServer((req, res) => {
    inFlight++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, inFlight);
    handle(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent)
          send(res, 500, JSON.stringify({ message: `test server error: ${String(error)}` }), {
            "content-type": "application/json",
          });
      })
      .finally(() => inFlight--);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    stats,
    rateLimiter: limiter,
    setFaults: (next) => faults.set(next),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
