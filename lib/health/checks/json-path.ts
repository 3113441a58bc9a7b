/**
 * The small JSONPath subset a health check needs: `$`, `.name`, `["name"]` and `[index]`,
 * e.g. `$.status`, `$.checks[0].state`, `$["db-primary"].ok`. No wildcards or filters: a
 * health assertion should point at exactly one value.
 */
export type JsonPathSegment = string | number;

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d{1,9})\]|\["((?:[^"\\]|\\.)*)"\])/;

function decodeQuoted(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(`"${raw}"`);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined; // invalid escape such as \q
  }
}

/** Parses a path into segments; returns undefined when the path is outside the supported subset. */
export function parseJsonPath(path: string): JsonPathSegment[] | undefined {
  if (!path.startsWith("$")) return undefined;
  const segments: JsonPathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else {
      const key = decodeQuoted(m[3] ?? "");
      if (key === undefined) return undefined;
      segments.push(key);
    }
    rest = rest.slice(m[0].length);
  }
  return segments;
}

export type JsonPathLookup = { found: true; value: unknown } | { found: false };

/** Walks parsed JSON; own properties only, so `$.constructor` finds nothing. */
export function readJsonPath(root: unknown, segments: readonly JsonPathSegment[]): JsonPathLookup {
  let node: unknown = root;
  for (const seg of segments) {
    if (typeof seg === "number") {
      if (!Array.isArray(node) || seg >= node.length) return { found: false };
      node = node[seg];
    } else {
      if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.hasOwn(node, seg)) {
        return { found: false };
      }
      node = (node as Record<string, unknown>)[seg];
    }
  }
  return { found: true, value: node };
}
