// Default-branch manifests through GraphQL: list the root tree, then read the manifest blobs by alias.
import type { GithubClient } from "@/lib/github/client";
import { manifestKind } from "../manifests";

const ROOT_TREE = `query DepsRootTree($owner: String!, $name: String!) {
  rateLimit { cost remaining resetAt limit }
  repository(owner: $owner, name: $name) { object(expression: "HEAD:") { ... on Tree { entries { name type } } } }
}`;

type RootTree = { repository: { object: { entries?: Array<{ name: string; type: string }> } | null } | null };
type Blobs = {
  repository: Record<string, { text: string | null; isBinary: boolean | null; byteSize: number } | null> | null;
};

/** Largest manifest read (bigger blobs come back with `text: null` from GitHub anyway). */
const MAX_MANIFEST_BYTES = 512 * 1024;

export async function fetchManifests(
  client: GithubClient,
  owner: string,
  name: string,
): Promise<Array<{ path: string; text: string }>> {
  const tree = await client.query<RootTree>(ROOT_TREE, { owner, name });
  const paths = (tree.repository?.object?.entries ?? [])
    .filter((e) => e.type === "blob" && manifestKind(e.name))
    .map((e) => e.name)
    .sort()
    .slice(0, 20);
  if (paths.length === 0) return [];
  const vars = paths.map((_, i) => `$e${i}: String!`).join(", ");
  const fields = paths
    .map((_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { text isBinary byteSize } }`)
    .join("\n    ");
  const doc = `query DepsManifests($owner: String!, $name: String!, ${vars}) {\n  rateLimit { cost remaining resetAt limit }\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
  const variables: Record<string, unknown> = { owner, name };
  paths.forEach((p, i) => (variables[`e${i}`] = `HEAD:${p}`));
  const blobs = await client.query<Blobs>(doc, variables);
  const out: Array<{ path: string; text: string }> = [];
  paths.forEach((path, i) => {
    const b = blobs.repository?.[`f${i}`];
    if (b && b.text !== null && !b.isBinary && b.byteSize <= MAX_MANIFEST_BYTES) out.push({ path, text: b.text });
  });
  return out;
}
