// GraphQL documents are plain strings; a document must carry exactly the fragments it uses
// (GitHub rejects unused ones), so fragments list their own dependencies and `gql` collects them.

export interface Fragment {
  name: string;
  text: string;
  uses: Fragment[];
}

export function fragment(text: string, uses: Fragment[] = []): Fragment {
  const name = /fragment\s+(\w+)/.exec(text)?.[1];
  if (!name) throw new Error(`not a fragment: ${text.slice(0, 40)}`);
  return { name, text: text.trim(), uses };
}

function collect(fragments: Fragment[], into: Map<string, Fragment>): void {
  for (const f of fragments) {
    if (into.has(f.name)) continue;
    into.set(f.name, f);
    collect(f.uses, into);
  }
}

/** An operation plus the fragments it (transitively) spreads. */
export function gql(operation: string, fragments: Fragment[] = []): string {
  const all = new Map<string, Fragment>();
  collect(fragments, all);
  return [operation.trim(), ...[...all.values()].map((f) => f.text)].join("\n");
}

/** Every query asks for its own cost and the remaining budget, so the client can pace itself. */
export const RATE_LIMIT = "rateLimit { cost remaining resetAt limit }";
