import { graphql } from "@octokit/graphql";
import type { GitHubTestServer } from "./server";

/** Raw POST, for asserting on status codes, headers and bodies exactly as a client receives them. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = "test-token",
) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** `@octokit/graphql` pointed at the test server, as steward's sync will be (baseUrl, token auth). */
export function octokitFor(server: GitHubTestServer, token = "test-token") {
  return graphql.defaults({ baseUrl: server.url, headers: { authorization: `token ${token}` } });
}
