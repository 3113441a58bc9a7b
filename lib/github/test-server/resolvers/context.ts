import type { GraphQLResolveInfo } from "graphql";
import { isRecord } from "../links";
import { parseNodeId } from "../random";
import type { RateLimitSnapshot } from "../rate-limit";
import type { GeneratedRepo, ItemData, UserData } from "../types";

export interface ServerContext {
  repos: readonly GeneratedRepo[];
  nodes: NodeIndex;
  rateLimit: RateLimitSnapshot;
  viewer: UserData;
  /** False for the server's read-only tokens: mutations answer FORBIDDEN, viewerPermission READ. */
  canWrite: boolean;
}

export type Resolver = (
  source: Record<string, unknown>,
  args: Record<string, unknown>,
  ctx: ServerContext,
  info: GraphQLResolveInfo,
) => unknown;
export type ResolverMap = Record<string, Record<string, Resolver>>;

/** Generated on first read: comments are found by decoding their id; commits only when an id needs them. */
const LAZY_PREFIXES = new Set(["C", "CS", "CR", "WFR", "PRC", "SCR", "W"]);

/** Finds any generated object by its global node id (for `node` / `nodes`). */
export class NodeIndex {
  private byId = new Map<string, Record<string, unknown>>();
  private itemsByDbId = new Map<number, ItemData>();
  private builtFor = "";
  private deep = false;

  constructor(private readonly repos: readonly GeneratedRepo[]) {}

  private stamp(): string {
    return this.repos.map((r) => r.meta.version).join(",");
  }

  private build(deep: boolean): void {
    this.byId.clear();
    this.itemsByDbId.clear();
    const seen = new Set<object>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) {
        for (const v of value) visit(v);
        return;
      }
      if (!isRecord(value) || seen.has(value)) return;
      seen.add(value);
      if (typeof value.id === "string" && typeof value.__typename === "string" && !this.byId.has(value.id))
        this.byId.set(value.id, value);
      for (const key of Object.keys(value)) if (key !== "comments" && (deep || key !== "commits")) visit(value[key]);
    };
    for (const repo of this.repos) {
      visit(repo);
      for (const item of repo.items) this.itemsByDbId.set(item.databaseId, item);
    }
    this.builtFor = this.stamp();
    this.deep = deep;
  }

  find(id: string): Record<string, unknown> | undefined {
    const parsed = parseNodeId(id);
    if (parsed?.prefix === "IC") {
      if (this.builtFor !== this.stamp()) this.build(this.deep);
      const item = this.itemsByDbId.get(Number(parsed.parts[0]));
      const comment = item?.comments[Number(parsed.parts[1])];
      return comment && comment.id === id ? (comment as unknown as Record<string, unknown>) : undefined;
    }
    if (this.builtFor !== this.stamp()) this.build(false);
    const found = this.byId.get(id);
    if (found || !parsed || !LAZY_PREFIXES.has(parsed.prefix) || this.deep) return found;
    this.build(true);
    return this.byId.get(id);
  }
}
