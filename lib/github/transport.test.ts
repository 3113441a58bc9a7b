// The GraphQL transport: the token's turn holds the exchange (raw text), parsing comes after it,
// and failures keep the shapes client-errors.ts classifies.
import { afterEach, describe, expect, it, vi } from "vitest";
import { classify } from "./client-errors";
import { graphqlHook, HttpError, type Turn } from "./transport";

const endpoint = {
  method: "POST",
  url: "https://api.example.test/graphql",
  headers: { authorization: "bearer t", "content-length": 10 },
  body: { query: "{ viewer { login } }", variables: {} },
};
const request = { endpoint: { parse: () => endpoint } };
const exchanged: unknown[] = [];
const turn: Turn = async (exchange) => {
  const result = await exchange();
  exchanged.push(result);
  return result;
};
const call = () => graphqlHook(turn)(request, undefined as never);

afterEach(() => {
  vi.unstubAllGlobals();
  exchanged.length = 0;
});

describe("graphqlHook", () => {
  it("hands the turn the raw text and parses it after the turn", async () => {
    const fetch = vi.fn(async () => new Response('{"data":{"viewer":{"login":"octo","id":9007199254740993}}}'));
    vi.stubGlobal("fetch", fetch);
    const answer = await call();
    expect(exchanged).toEqual([expect.objectContaining({ status: 200, text: expect.stringContaining('"octo"') })]);
    expect(answer.data).toEqual({ data: { viewer: { login: "octo", id: 9007199254740992 } } });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.body).toBe(JSON.stringify(endpoint.body));
    expect(init.headers).toEqual({ authorization: "bearer t", "content-length": "10" });
  });

  it("answers a body cut short with its text (no data), so the client retries the page", async () => {
    vi.stubGlobal("fetch", async () => new Response('{"data":{"viewer":'));
    expect((await call()).data).toBe('{"data":{"viewer":');
  });

  it("raises an HTTP error status as HttpError with octokit's message and the response headers", async () => {
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(JSON.stringify({ message: "You have exceeded a secondary rate limit", documentation_url: "d" }), {
          status: 403,
          headers: { "retry-after": "7" },
        }),
    );
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403, message: "You have exceeded a secondary rate limit - d" });
    expect(classify(error)).toEqual({
      kind: "secondary",
      message: "HTTP 403 (secondary rate limit)",
      retryAfterMs: 7000,
    });
  });

  it("raises a network failure as HTTP 500 (retried), an abort as itself", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    });
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HttpError", status: 500, message: "connect ECONNREFUSED" });
    expect(classify(error).kind).toBe("transient");
    vi.stubGlobal("fetch", async () => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(call()).rejects.toMatchObject({ name: "AbortError" });
  });
});
