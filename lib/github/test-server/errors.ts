import {
  type ASTNode,
  BREAK,
  type DocumentNode,
  getNamedType,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { GitHubError } from "./connection";

/**
 * GitHub runs graphql-ruby: its validation messages, `extensions.code`s and `path`s differ from
 * graphql-js. These translate graphql-js's messages into GitHub's shape so clients see what they would.
 */

export interface GitHubErrorJson {
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: { line: number; column: number }[];
  message: string;
}

interface Holder {
  owner: string;
  ownerKind: "Field" | "InputObject";
  name: string;
  expected: string;
  value: string;
}

/** Where a node sits: its ancestor chain, and what each argument / input field on the way expects. */
function locate(
  schema: GraphQLSchema,
  document: DocumentNode,
  target: ASTNode | undefined,
): { chain: ASTNode[]; holders: Map<ASTNode, Holder> } {
  const typeInfo = new TypeInfo(schema);
  const holders = new Map<ASTNode, Holder>();
  let chain: ASTNode[] = [];
  if (!target) return { chain, holders };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node, _key, parent, _path, ancestors) {
        if (node.kind === Kind.ARGUMENT) {
          const arg = typeInfo.getArgument();
          holders.set(node, {
            owner: typeInfo.getFieldDef()?.name ?? "?",
            ownerKind: "Field",
            name: node.name.value,
            expected: arg ? String(arg.type) : "?",
            value: print(node.value),
          });
        } else if (node.kind === Kind.OBJECT_FIELD) {
          const parent = typeInfo.getParentInputType();
          const expected = typeInfo.getInputType();
          holders.set(node, {
            owner: parent ? getNamedType(parent).name : "?",
            ownerKind: "InputObject",
            name: node.name.value,
            expected: expected ? String(expected) : "?",
            value: print(node.value),
          });
        }
        if (node !== target) return undefined;
        // `ancestors` stops short of the direct parent (e.g. the Argument holding a $variable).
        chain = [...ancestors, parent].filter(
          (a): a is ASTNode => !Array.isArray(a) && typeof a === "object" && a !== null && "kind" in a,
        );
        chain.push(node);
        return BREAK;
      },
    }),
  );
  return { chain, holders };
}

/** Path graphql-ruby reports for a static error: ["query Name", "repository", "issues", "states"]. */
function pathOf(chain: readonly ASTNode[]): string[] {
  return chain.flatMap((n): string[] => {
    switch (n.kind) {
      case Kind.OPERATION_DEFINITION:
        return [n.name ? `${n.operation} ${n.name.value}` : n.operation];
      case Kind.FRAGMENT_DEFINITION:
        return [`fragment ${n.name.value}`];
      case Kind.INLINE_FRAGMENT:
        return [n.typeCondition ? `... on ${n.typeCondition.name.value}` : "..."];
      case Kind.FIELD:
        return [n.alias?.value ?? n.name.value];
      case Kind.ARGUMENT:
      case Kind.OBJECT_FIELD:
        return [n.name.value];
      default:
        return [];
    }
  });
}

export function translateValidationError(
  schema: GraphQLSchema,
  error: GraphQLError,
  document: DocumentNode,
): GitHubErrorJson {
  const node = error.nodes?.[0];
  const locations = error.locations ? [...error.locations] : undefined;
  const { chain, holders } = locate(schema, document, node);
  const path = pathOf(chain);
  const m = error.message;
  const base = (message: string, extensions: Record<string, string>, p = path): GitHubErrorJson => ({
    path: p,
    extensions,
    locations,
    message,
  });

  let match = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(m);
  if (match)
    return base(`Field '${match[1]}' doesn't exist on type '${match[2]}'`, {
      code: "undefinedField",
      typeName: match[2] ?? "",
      fieldName: match[1] ?? "",
    });
  match = /^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"/.exec(m);
  if (match)
    return base(`Field '${match[2]}' doesn't accept argument '${match[1]}'`, {
      code: "argumentNotAccepted",
      name: match[2] ?? "",
      typeName: "Field",
      argumentName: match[1] ?? "",
    });
  match = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(m);
  if (match)
    return base(`InputObject '${match[2]}' doesn't accept argument '${match[1]}'`, {
      code: "argumentNotAccepted",
      name: match[2] ?? "",
      typeName: "InputObject",
      argumentName: match[1] ?? "",
    });
  match = /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required/.exec(m);
  if (match)
    return base(`Field '${match[1]}' is missing required arguments: ${match[2]}`, {
      code: "missingRequiredArguments",
      className: "Field",
      name: match[1] ?? "",
      arguments: match[2] ?? "",
    });
  match = /^Field "([^".]+)\.([^"]+)" of required type "([^"]+)" was not provided/.exec(m);
  if (match)
    return base(`Argument '${match[2]}' on InputObject '${match[1]}' is required. Expected type ${match[3]}`, {
      code: "missingRequiredInputObjectAttribute",
      argumentName: match[2] ?? "",
      argumentType: match[3] ?? "",
      inputObjectType: match[1] ?? "",
    });
  match = /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/.exec(m);
  if (match)
    return base(
      `Field must have selections (field '${match[1]}' returns ${match[2]} but has no selections. Did you mean '${match[1]} { ... }'?)`,
      { code: "selectionMismatch", nodeName: `field '${match[1]}'` },
    );
  match = /^Field "([^"]+)" must not have a selection since type "([^"]+)"/.exec(m);
  if (match) {
    const inner =
      node?.kind === Kind.FIELD && node.selectionSet
        ? node.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : "...")).join(", ")
        : "";
    return base(
      `Selections can't be made on scalars (field '${match[1]}' returns ${match[2]} but has selections [${inner}])`,
      { code: "selectionMismatch", nodeName: `field '${match[1]}'` },
    );
  }
  match = /^Unknown type "([^"]+)"/.exec(m);
  if (match)
    return base(`No such type ${match[1]}, so it can't be a fragment condition`, {
      code: "undefinedType",
      typeName: match[1] ?? "",
    });
  match = /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?/.exec(m);
  if (match)
    return base(`Variable $${match[1]} is declared by ${match[2] ?? "anonymous query"} but not used`, {
      code: "variableNotUsed",
      variableName: match[1] ?? "",
    });
  match = /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?/.exec(m);
  if (match)
    return base(`Variable $${match[1]} is used by ${match[2] ?? "anonymous query"} but not declared`, {
      code: "variableNotDefined",
      variableName: match[1] ?? "",
    });
  const holderAt = [...chain].reverse().findIndex((n) => holders.has(n));
  match = /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/.exec(m);
  if (match) {
    const [, variable = "", given = "", expected = ""] = match;
    const usage = locate(schema, document, error.nodes?.[1]); // nodes: [definition, usage]
    const argument =
      [...usage.chain]
        .reverse()
        .map((n) => usage.holders.get(n)?.name)
        .find((name) => name !== undefined) ?? "";
    const kind = given.replace(/!/g, "") === expected.replace(/!/g, "") ? "Nullability" : "Type";
    return base(`${kind} mismatch on variable $${variable} and argument ${argument} (${given} / ${expected})`, {
      code: "variableMismatch",
      variableName: variable,
      typeName: given,
      argumentName: argument,
      errorMessage: `${kind} mismatch`,
    });
  }
  if (holderAt >= 0) {
    const holderNode = chain[chain.length - 1 - holderAt] as ASTNode;
    const h = holders.get(holderNode) as Holder;
    return base(
      `Argument '${h.name}' on ${h.ownerKind} '${h.owner}' has an invalid value (${h.value}). Expected type '${h.expected}'.`,
      { code: "argumentLiteralsIncompatible", typeName: h.ownerKind, argumentName: h.name },
      pathOf(chain.slice(0, chain.length - holderAt)),
    );
  }
  return base(m, { code: "validationError" });
}

const TOKEN_NAMES: Record<string, string> = {
  "}": "RCURLY",
  "{": "LCURLY",
  ")": "RPAREN",
  "(": "LPAREN",
  ":": "COLON",
  "]": "RBRACKET",
  "[": "LBRACKET",
  $: "VAR_SIGN",
  "=": "EQUALS",
  "!": "BANG",
};

/** graphql-ruby's wording for syntax errors. */
export function translateSyntaxError(error: GraphQLError): GitHubErrorJson {
  const loc = error.locations?.[0];
  const token = /found "?([^".]+|<EOF>)"?\.?$/.exec(error.message)?.[1] ?? "";
  if (token === "<EOF>" || token === "") return { message: "Unexpected end of document", locations: loc ? [loc] : [] };
  const name = TOKEN_NAMES[token] ?? (/^[A-Za-z_]/.test(token) ? "IDENTIFIER" : "UNKNOWN_CHAR");
  return {
    message: `Parse error on "${token}" (${name}) at [${loc?.line ?? 1}, ${loc?.column ?? 1}]`,
    locations: loc ? [loc] : [],
  };
}

/** Variable coercion errors, in graphql-ruby's words ("… was provided invalid value for 0"). */
export function translateVariableError(
  error: GraphQLError,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown>,
): GitHubErrorJson {
  const name = /Variable "\$([^"]+)"/.exec(error.message)?.[1] ?? "";
  const def = operation?.variableDefinitions?.find((v) => v.variable.name.value === name);
  const type = def ? print(def.type) : "?";
  const at = /at "[^"[.]+((?:\[\d+\]|\.[A-Za-z_]\w*)*)"/.exec(error.message)?.[1] ?? "";
  const problemPath = [...at.matchAll(/\[(\d+)\]|\.(\w+)/g)].map((p) =>
    p[1] !== undefined ? Number(p[1]) : (p[2] ?? ""),
  );
  const missing = /of required type .* was not provided/.test(error.message);
  const explanation = missing ? "Expected value to not be null" : (error.message.split("; ")[1] ?? error.message);
  return {
    extensions: { value: variables[name] ?? null, problems: [{ path: problemPath, explanation }] },
    locations: error.locations ? [...error.locations] : undefined,
    message: `Variable $${name} of type ${type} was provided invalid value${problemPath.length ? ` for ${problemPath.join(".")}` : ""}`,
  };
}

/** Execution errors: GitHub puts `type` at the top level and no `extensions`. */
export function formatExecutionError(error: GraphQLError): GitHubErrorJson {
  const original = error.originalError;
  const type = original instanceof GitHubError ? original.type : undefined;
  return {
    ...(type ? { type } : {}),
    path: error.path ? [...error.path] : undefined,
    locations: error.locations ? [...error.locations] : undefined,
    message: error.message,
  };
}
