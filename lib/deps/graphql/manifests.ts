// Default-branch manifests through GraphQL: walk the tree level by level (folders batched by alias into
// one query per level), down to MAX_DEPTH folders deep, so monorepo packages (npm/yarn/pnpm workspaces
// such as packages/*, apps/*; Python services/*) are read too; then read the manifest blobs by alias.
import type { GithubClient } from "@/lib/github/client";
import { manifestKind } from "../manifests";

type Entry = { name: string; type: string };
type Blobs = {
  repository: Record<string, { text: string | null; isBinary: boolean | null; byteSize: number } | null> | null;
};

/** Largest manifest read (bigger blobs come back with `text: null` from GitHub anyway). */
const MAX_MANIFEST_BYTES = 512 * 1024;
/** Folders below the root that are searched: 3 reaches packages/scope/name/package.json. */
export const MAX_DEPTH = 3;
/** Folders listed per level, and manifests read in all: bounds the queries for a huge repository. */
export const MAX_FOLDERS_PER_LEVEL = 100;
export const MAX_MANIFESTS = 60;
const BATCH = 25;
/** Folders that hold someone else's code, build output or test data, never the project's own manifests. */
const SKIPPED =
  /^(node_modules|vendor|third_party|third-party|dist|build|out|target|coverage|\.git|\.github|\.yarn|\.venv|venv|__pycache__|site-packages|fixtures|__fixtures__|testdata|test-fixtures)$/i;

const RATE = "rateLimit { cost remaining resetAt limit }";

function aliasQuery(name: string, count: number, selection: string): string {
  const vars = Array.from({ length: count }, (_, i) => `$e${i}: String!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `f${i}: object(expression: $e${i}) { ${selection} }`).join(
    "\n    ",
  );
  return `query ${name}($owner: String!, $name: String!, ${vars}) {\n  ${RATE}\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
}

async function byAlias<T>(
  client: GithubClient,
  name: string,
  selection: string,
  owner: string,
  repo: string,
  paths: string[],
): Promise<Array<T | null>> {
  const out: Array<T | null> = [];
  for (let start = 0; start < paths.length; start += BATCH) {
    const chunk = paths.slice(start, start + BATCH);
    const variables: Record<string, unknown> = { owner, name: repo };
    chunk.forEach((p, i) => (variables[`e${i}`] = `HEAD:${p}`));
    const data = await client.query<{ repository: Record<string, T | null> | null }>(
      aliasQuery(name, chunk.length, selection),
      variables,
    );
    chunk.forEach((_, i) => out.push(data.repository?.[`f${i}`] ?? null));
  }
  return out;
}

/** Manifest paths of the default branch, root first, then each level's folders in name order. */
export async function listManifestPaths(client: GithubClient, owner: string, name: string): Promise<string[]> {
  const found: string[] = [];
  let level = [""];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && found.length < MAX_MANIFESTS; depth++) {
    const trees = await byAlias<{ entries?: Entry[] }>(
      client,
      "DepsTrees",
      "... on Tree { entries { name type } }",
      owner,
      name,
      level,
    );
    const next: string[] = [];
    level.forEach((folder, i) => {
      const prefix = folder ? `${folder}/` : "";
      const entries = [...(trees[i]?.entries ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.type === "blob" && manifestKind(e.name)) found.push(`${prefix}${e.name}`);
        else if (e.type === "tree" && depth < MAX_DEPTH && !SKIPPED.test(e.name) && !e.name.startsWith("."))
          next.push(`${prefix}${e.name}`);
      }
    });
    level = next.slice(0, MAX_FOLDERS_PER_LEVEL);
  }
  return found.slice(0, MAX_MANIFESTS);
}

export async function fetchManifests(
  client: GithubClient,
  owner: string,
  name: string,
): Promise<Array<{ path: string; text: string }>> {
  const paths = await listManifestPaths(client, owner, name);
  if (paths.length === 0) return [];
  const blobs = await byAlias<NonNullable<Blobs["repository"]>[string]>(
    client,
    "DepsManifests",
    "... on Blob { text isBinary byteSize }",
    owner,
    name,
    paths,
  );
  const out: Array<{ path: string; text: string }> = [];
  paths.forEach((path, i) => {
    const b = blobs[i];
    if (b && b.text !== null && !b.isBinary && b.byteSize <= MAX_MANIFEST_BYTES) out.push({ path, text: b.text });
  });
  return out;
}
