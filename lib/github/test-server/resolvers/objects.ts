// `Repository.object(expression: "HEAD:path")`: default-branch files as Blobs, the root (or a folder) as a Tree.
import { createHash } from "node:crypto";
import { GitHubError } from "../connection";
import type { GeneratedRepo } from "../types";
import type { ResolverMap } from "./context";

const oidOf = (text: string) =>
  createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest("hex");

function blob(path: string, text: string) {
  return {
    __typename: "Blob",
    id: `B_${oidOf(path + text).slice(0, 20)}`,
    oid: oidOf(text),
    abbreviatedOid: oidOf(text).slice(0, 7),
    text,
    byteSize: Buffer.byteLength(text),
    isBinary: false,
    isTruncated: false,
    commitUrl: "",
    commitResourcePath: "",
  };
}

function tree(repo: GeneratedRepo, folder: string): Record<string, unknown> | null {
  const prefix = folder ? `${folder}/` : "";
  const names = new Map<string, "blob" | "tree">();
  for (const path of Object.keys(repo.files)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const [first, ...more] = rest.split("/");
    if (first) names.set(first, more.length > 0 ? "tree" : "blob");
  }
  if (folder && names.size === 0) return null;
  const entries: Array<Record<string, unknown>> = [...names]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, type]): Record<string, unknown> => {
      const path = `${prefix}${name}`;
      return {
        __typename: "TreeEntry",
        name,
        path,
        type,
        mode: type === "tree" ? 16384 : 33188,
        extension: name.includes(".") ? `.${name.split(".").pop()}` : "",
        isGenerated: false,
        lineCount: null,
        nameRaw: name,
        pathRaw: path,
        size: type === "blob" ? Buffer.byteLength(repo.files[path]!) : 0,
        oid: oidOf(path),
        object: type === "blob" ? blob(path, repo.files[path]!) : tree(repo, path),
      };
    });
  return {
    __typename: "Tree",
    id: `T_${oidOf(folder).slice(0, 20)}`,
    oid: oidOf(`tree:${folder}`),
    abbreviatedOid: oidOf(`tree:${folder}`).slice(0, 7),
    entries,
    commitUrl: "",
    commitResourcePath: "",
  };
}

export const objectResolvers: ResolverMap = {
  Repository: {
    object: (s, args) => {
      const repo = s as unknown as GeneratedRepo;
      repo.files ??= {};
      if (typeof args.expression !== "string") return null; // oid lookups are not modelled
      const m = /^([^:]*):(.*)$/.exec(args.expression);
      if (!m) throw new GitHubError(`Could not resolve to a Git object for expression ${args.expression}`, "NOT_FOUND");
      const ref = m[1]!;
      if (ref !== "HEAD" && ref !== "" && ref !== repo.defaultBranchRef.name) return null;
      const path = m[2]!.replace(/^\/+|\/+$/g, "");
      const text = repo.files[path];
      return text !== undefined ? blob(path, text) : tree(repo, path);
    },
  },
};
