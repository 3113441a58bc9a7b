import {
  execute,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
} from "graphql";
import {
  formatExecutionError,
  type GitHubErrorJson,
  translateSyntaxError,
  translateValidationError,
  translateVariableError,
} from "./errors";
import { createResolvers } from "./resolvers";
import type { NodeIndex } from "./resolvers/context";
import { analyzeCost, type CostAnalysis, type RateLimiter } from "./rate-limit";
import type { GeneratedRepo, UserData } from "./types";

export interface QueryRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** False for a read-only token (mutations are refused as GitHub refuses them). */
  canWrite?: boolean;
}

export type QueryOutcome =
  /** GitHub rejects the query before running it (bad field/argument/variable, node limit…). */
  | { kind: "invalid"; body: { errors: GitHubErrorJson[] }; operationName: string | null }
  /** Valid: the caller applies its fault rules, then runs it (which charges the rate limit). */
  | { kind: "ready"; operationName: string | null; analysis: CostAnalysis; run: () => Promise<QueryResult> };

export type QueryResult =
  | {
      kind: "ok";
      body: { data?: unknown; errors?: GitHubErrorJson[] };
      /** Execution errors a sync caused (pagination mistakes): GitHub rejects those queries too. */
      paginationErrors: GitHubErrorJson[];
    }
  /** Out of primary rate limit: nothing ran, nothing charged. */
  | { kind: "rate-limited"; body: { errors: GitHubErrorJson[] } };

export interface QueryEngine {
  prepare(request: QueryRequest): QueryOutcome;
}

const PAGINATION_TYPES = new Set(["EXCESSIVE_PAGINATION", "MISSING_PAGINATION_BOUNDARIES", "INVALID_CURSOR_ARGUMENTS"]);

export function createQueryEngine(
  schema: GraphQLSchema,
  repos: readonly GeneratedRepo[],
  nodes: NodeIndex,
  limiter: RateLimiter,
  viewer: UserData,
): QueryEngine {
  const { fieldResolver, typeResolver } = createResolvers(schema);
  const documents = new Map<string, { document: DocumentNode; errors: readonly GraphQLError[] }>();

  /** Parsed and validated documents are cached by text: a sync sends the same few queries over and over. */
  function compile(query: string): DocumentNode | GitHubErrorJson[] {
    let cached = documents.get(query);
    if (!cached) {
      try {
        const document = parse(query);
        cached = { document, errors: validate(schema, document) };
      } catch (error) {
        return [translateSyntaxError(error as GraphQLError)];
      }
      if (documents.size > 500) documents.clear();
      documents.set(query, cached);
    }
    const { document, errors } = cached;
    return errors.length ? errors.map((e) => translateValidationError(schema, e, document)) : document;
  }

  return {
    prepare({ query, operationName, variables, canWrite = true }): QueryOutcome {
      const compiled = compile(query);
      if (Array.isArray(compiled)) return { kind: "invalid", body: { errors: compiled }, operationName };
      const document = compiled;
      const operation = getOperationAST(document, operationName);
      const name = operationName ?? operation?.name?.value ?? null;
      if (!operation) {
        const message = operationName ? `No operation named "${operationName}"` : "An operation name is required";
        return { kind: "invalid", body: { errors: [{ message }] }, operationName: name };
      }
      if (operation.operation === "subscription") {
        return {
          kind: "invalid",
          body: { errors: [{ message: "The GitHub test server answers queries and mutations, not subscriptions." }] },
          operationName: name,
        };
      }
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      if (coerced.errors) {
        return {
          kind: "invalid",
          body: { errors: coerced.errors.map((e) => translateVariableError(e, operation, variables)) },
          operationName: name,
        };
      }
      const analysis = analyzeCost(schema, document, operation, coerced.coerced);
      if (analysis.nodeLimitMessage) {
        return {
          kind: "invalid",
          body: { errors: [{ type: "MAX_NODE_LIMIT_EXCEEDED", message: analysis.nodeLimitMessage }] },
          operationName: name,
        };
      }
      const run = async (): Promise<QueryResult> => {
        if (!limiter.charge(analysis.cost)) {
          return {
            kind: "rate-limited",
            body: {
              errors: [
                { type: "RATE_LIMITED", message: `API rate limit already exceeded for user ID ${viewer.databaseId}.` },
              ],
            },
          };
        }
        const contextValue = {
          repos,
          nodes,
          viewer,
          canWrite,
          rateLimit: limiter.snapshot(analysis.cost, analysis.nodeCount),
        };
        const result = await execute({
          schema,
          document,
          operationName,
          variableValues: variables,
          contextValue,
          rootValue: {},
          fieldResolver,
          typeResolver,
        });
        const errors = result.errors?.map(formatExecutionError);
        return {
          kind: "ok",
          body: errors?.length ? { data: result.data ?? null, errors } : { data: result.data },
          paginationErrors: (errors ?? []).filter((e) => e.type !== undefined && PAGINATION_TYPES.has(e.type)),
        };
      };
      return { kind: "ready", operationName: name, analysis, run };
    },
  };
}
