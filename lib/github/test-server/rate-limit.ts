import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { MAX_PAGE_SIZE } from "./connection";

export const MAX_NODES = 500_000;

export interface ConnectionCost {
  /** Dotted path of field names, e.g. "repository.issues.nodes.comments". */
  path: string;
  pageSize: number;
  /** Times this connection is fetched: the product of the enclosing connections' page sizes. */
  requests: number;
  /** Nodes it can return: requests × pageSize. */
  nodes: number;
}

export interface CostAnalysis {
  /** GitHub's formula: requests over all connections / 100, rounded, at least 1. */
  cost: number;
  requests: number;
  nodeCount: number;
  /** Largest nodes figure of any single connection (the "page × nested page" product). */
  maxConnectionNodes: number;
  connections: ConnectionCost[];
  /** GitHub's MAX_NODE_LIMIT_EXCEEDED message, when the query asks for more than 500,000 nodes. */
  nodeLimitMessage: string | null;
  /** Connections with a missing, negative or > 100 page size (GitHub rejects these at that field). */
  paginationProblems: string[];
}

export function isConnectionType(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

export function selectsNodes(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === "nodes" || s.name.value === "edges";
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsNodes(s.selectionSet, fragments);
    return selectsNodes(fragments[s.name.value]?.selectionSet, fragments);
  });
}

/** Whether @skip / @include leave this selection in (GitHub does not charge for skipped parts). */
function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    return true;
  }
}

/**
 * Static cost of a query, computed as GitHub documents it: every connection is assumed to return
 * `first`/`last` nodes; a connection nested in another is fetched once per parent node.
 */
export function analyzeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CostAnalysis {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const result: CostAnalysis = {
    cost: 1,
    requests: 0,
    nodeCount: 0,
    maxConnectionNodes: 0,
    connections: [],
    nodeLimitMessage: null,
    paginationProblems: [],
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    multiplier: number,
    path: string,
    seen: Set<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, multiplier, path, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type) && !seen.has(fragment.name.value)) {
          walk(fragment.selectionSet, type, multiplier, path, new Set([...seen, fragment.name.value]));
        }
        continue;
      }
      if (!selection.selectionSet || !(isObjectType(parentType) || isInterfaceType(parentType))) continue;
      const field: GraphQLField<unknown, unknown> | undefined = parentType.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      const fieldPath = path ? `${path}.${selection.name.value}` : selection.name.value;
      let childMultiplier = multiplier;
      if (isConnectionType(type)) {
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(field, selection, variables);
        } catch {
          // invalid arguments were already reported by validation
        }
        const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : null;
        if (size === null && selectsNodes(selection.selectionSet, fragments))
          result.paginationProblems.push(`${fieldPath}: missing first/last`);
        if (size !== null && (size < 0 || size > MAX_PAGE_SIZE))
          result.paginationProblems.push(`${fieldPath}: ${size} records`);
        const pageSize = Math.max(0, size ?? 0);
        const nodes = multiplier * pageSize;
        result.requests += multiplier;
        result.nodeCount += nodes;
        result.maxConnectionNodes = Math.max(result.maxConnectionNodes, nodes);
        result.connections.push({ path: fieldPath, pageSize, requests: multiplier, nodes });
        if (result.nodeCount > MAX_NODES && result.nodeLimitMessage === null) {
          result.nodeLimitMessage = `By the time this query traverses to the ${selection.name.value} connection, it is requesting up to ${result.nodeCount.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`;
        }
        childMultiplier = nodes;
      }
      walk(selection.selectionSet, type, childMultiplier, fieldPath, seen);
    }
  };
  const root = operation.operation === "query" ? schema.getQueryType() : schema.getMutationType();
  if (root) walk(operation.selectionSet, root, 1, "", new Set());
  result.cost = Math.max(1, Math.round(result.requests / 100));
  return result;
}

export interface RateLimitOptions {
  /** Points per window (GitHub: 5,000 an hour for a user token). */
  limit?: number;
  windowMs?: number;
  /** HTTP status of a RATE_LIMITED answer: GitHub sends 200 for GraphQL; some proxies 403. */
  exceededStatus?: 200 | 403;
  clock?: () => number;
}

export interface RateLimitSnapshot {
  __typename: "RateLimit";
  cost: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: string;
  nodeCount: number;
}

/** The primary GraphQL budget: points per window, reset on a fixed schedule like GitHub's. */
export class RateLimiter {
  readonly limit: number;
  readonly exceededStatus: 200 | 403;
  private readonly windowMs: number;
  private readonly clock: () => number;
  used = 0;
  private resetAtMs: number;

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 5000;
    this.windowMs = options.windowMs ?? 3_600_000;
    this.exceededStatus = options.exceededStatus ?? 200;
    this.clock = options.clock ?? Date.now;
    this.resetAtMs = this.clock() + this.windowMs;
  }

  private roll(): void {
    const now = this.clock();
    if (now >= this.resetAtMs) {
      this.used = 0;
      this.resetAtMs = now + this.windowMs;
    }
  }

  get remaining(): number {
    this.roll();
    return Math.max(0, this.limit - this.used);
  }

  /** Charges the cost if it fits; false (nothing charged) when the budget is spent. */
  charge(cost: number): boolean {
    this.roll();
    if (this.used + cost > this.limit) return false;
    this.used += cost;
    return true;
  }

  snapshot(cost: number, nodeCount: number): RateLimitSnapshot {
    return {
      __typename: "RateLimit",
      cost,
      limit: this.limit,
      remaining: this.remaining,
      used: this.used,
      resetAt: new Date(this.resetAtMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
      nodeCount,
    };
  }

  headers(): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(this.remaining),
      "x-ratelimit-reset": String(Math.floor(this.resetAtMs / 1000)),
      "x-ratelimit-used": String(this.used),
      "x-ratelimit-resource": "graphql",
    };
  }
}
