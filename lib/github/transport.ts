// The HTTP leg of every GraphQL request, plugged into @octokit/graphql as its `request.hook`:
// - the token's turn (one request at a time) covers sending the request and receiving the whole
//   answer, not parsing it, so the next request goes out while this one's JSON is read;
// - the answer is parsed with JSON.parse: @octokit/request's big-integer-safe parser runs a regex
//   over the text and a reviver over every value (most of the sync's own CPU on Node 20), and
//   GraphQL's Int is 32-bit, so nothing GitHub sends needs a BigInt.
// Errors keep octokit's shapes: an HTTP status ≥ 400 is an "HttpError" with the response (see
// client-errors.ts); GraphQL errors are raised by @octokit/graphql from the returned body.

/** Runs the exchange when it is this token's turn (pacing and exclusion are the caller's). */
export type Turn = <T>(exchange: () => Promise<T>) => Promise<T>;

interface Endpoint {
  method: string;
  url: string;
  headers: Record<string, unknown>;
  body?: unknown;
  request?: { signal?: AbortSignal | null };
}

/** What @octokit/request hands a hook: a request function whose `endpoint.parse` builds the HTTP call. */
interface HookedRequest {
  endpoint: { parse(options: never): Endpoint };
}

interface Answer {
  url: string;
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

/** @octokit/request's RequestError, by the shape client-errors.ts matches. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    message: string,
    readonly status: number,
    readonly response?: Answer,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The body as JSON, or as text when it is not (a cut-short body; octokit then resolves no data). */
function parseBody(text: string): unknown {
  if (!text) return "";
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The message @octokit/request builds from an error body. */
function errorMessage(data: unknown): string {
  if (typeof data === "string") return data;
  if (data && typeof data === "object" && "message" in data) {
    const d = data as { message: unknown; errors?: unknown; documentation_url?: unknown };
    const suffix = d.documentation_url ? ` - ${String(d.documentation_url)}` : "";
    const details = Array.isArray(d.errors) ? `: ${d.errors.map((e) => JSON.stringify(e)).join(", ")}` : "";
    return `${String(d.message)}${details}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}

async function exchange(endpoint: Endpoint) {
  const { method, url, body } = endpoint;
  const headers = Object.fromEntries(Object.entries(endpoint.headers).map(([k, v]) => [k, String(v)]));
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined || typeof body === "string" ? body : JSON.stringify(body),
      signal: endpoint.request?.signal ?? undefined,
    });
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    throw new HttpError(cause ?? (error instanceof Error ? error.message : "Unknown Error"), 500, undefined, {
      cause: error,
    });
  }
  // A body cut short (connection reset) reads as empty: the client retries a page that did not arrive.
  const text = await response.text().catch(() => "");
  return { url: response.url || url, status: response.status, headers: Object.fromEntries(response.headers), text };
}

/** The `request.hook` for @octokit/graphql: the exchange in the token's turn, the parse after it. */
export function graphqlHook(turn: Turn) {
  return async (request: HookedRequest, options: never): Promise<Answer> => {
    const endpoint = request.endpoint.parse(options);
    const { text, ...rest } = await turn(() => exchange(endpoint));
    // The next turn's request is being sent in this tick's microtasks; parse once it is out.
    await new Promise((resolve) => setImmediate(resolve));
    const answer = { ...rest, data: parseBody(text) };
    if (answer.status >= 400 || answer.status === 304)
      throw new HttpError(errorMessage(answer.data), answer.status, answer);
    return answer;
  };
}
