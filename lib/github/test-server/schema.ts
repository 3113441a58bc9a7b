import { schema as octokitSchema } from "@octokit/graphql-schema";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let cached: GraphQLSchema | undefined;

/**
 * GitHub's public schema, built from the package's introspection JSON (its `schema.graphql`
 * defines a field twice and does not build with graphql-js). Built once per process (~150 ms).
 */
export function githubSchema(): GraphQLSchema {
  cached ??= buildClientSchema(octokitSchema.json as unknown as IntrospectionQuery);
  return cached;
}
