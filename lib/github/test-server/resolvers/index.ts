import {
  getNamedType,
  getNullableType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { emptyConnection, pageArgsProblem, paginate, toPageArgs } from "../connection";
import { ancestorOf, isRecord } from "../links";
import { isConnectionType, selectsNodes } from "../rate-limit";
import type { ResolverMap, ServerContext } from "./context";
import { gitResolvers } from "./git";
import { itemResolvers } from "./items";
import { mutationResolvers } from "./mutation";
import { queryResolvers } from "./query";
import { objectResolvers } from "./objects";
import { repositoryResolvers } from "./repository";

const EPOCH = "1970-01-01T00:00:00Z";

function mergeMaps(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps)
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  return merged;
}

/** What an unmodelled field returns: an empty page for connections, null where nullable, else a harmless value. */
function fallback(schema: GraphQLSchema, type: GraphQLOutputType): unknown {
  const named = getNamedType(type);
  if (isObjectType(named) && isConnectionType(named)) return emptyConnection(); // GitHub never answers null for these
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) {
    if (inner.name === "Int" || inner.name === "Float") return 0;
    if (inner.name === "Boolean") return false;
    return inner.name === "DateTime" || inner.name === "GitTimestamp" ? EPOCH : "";
  }
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  if (isObjectType(inner)) return {};
  if (isAbstractType(inner)) return { __typename: schema.getPossibleTypes(inner)[0]?.name };
  return null;
}

/** Back-references (`repository`, `pullRequest`, `labelable`, `checkSuite`…) resolve to the nearest matching ancestor. */
function ancestorValue(schema: GraphQLSchema, source: object, info: GraphQLResolveInfo): unknown {
  const named = getNamedType(info.returnType);
  if (!isCompositeType(named) || isListType(getNullableType(info.returnType))) return undefined;
  if (isObjectType(named) && isConnectionType(named)) return undefined;
  const names = isAbstractType(named) ? schema.getPossibleTypes(named).map((t) => t.name) : [named.name];
  return ancestorOf(source, names);
}

function selectsNodesIn(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) => selectsNodes(node.selectionSet, info.fragments));
}

/**
 * Data-driven resolution over the full GitHub schema: a few explicit resolvers, otherwise the
 * property of the same name; arrays under connection types become GitHub-style pages.
 */
export function createResolvers(schema: GraphQLSchema): {
  fieldResolver: GraphQLFieldResolver<unknown, ServerContext>;
  typeResolver: GraphQLTypeResolver<unknown, ServerContext>;
} {
  const map = mergeMaps(
    queryResolvers,
    repositoryResolvers,
    objectResolvers,
    itemResolvers,
    gitResolvers,
    mutationResolvers,
  );
  const fieldResolver: GraphQLFieldResolver<unknown, ServerContext> = (source, args, ctx, info) => {
    const named = getNamedType(info.returnType);
    const connection = isObjectType(named) && isConnectionType(named);
    if (connection) {
      const problem = pageArgsProblem(toPageArgs(args), info.fieldName, selectsNodesIn(info));
      if (problem) throw problem;
    }
    const custom = map[info.parentType.name]?.[info.fieldName];
    const record = isRecord(source) ? source : {};
    let value = custom ? custom(record, args, ctx, info) : record[info.fieldName];
    if (value === undefined && !custom) value = ancestorValue(schema, record, info);
    if (Array.isArray(value) && connection) return paginate(value, toPageArgs(args));
    return value ?? fallback(schema, info.returnType);
  };
  const typeResolver: GraphQLTypeResolver<unknown, ServerContext> = (value) =>
    isRecord(value) && typeof value.__typename === "string" ? value.__typename : undefined;
  return { fieldResolver, typeResolver };
}
