// Follow-up pages for many connections at once (queries/follow-ups.ts): in rounds, each round
// asking for the next page of every unfinished connection, as many per request as still cost one
// point (GitHub: connections fetched ÷ 100, rounded; a selection on two types counts twice).
import type { GithubClient } from "../client";
import { CONNECTIONS, type FollowUpKind, followUpQuery, RESPONSE_FIELD } from "../queries/follow-ups";

/** Connections per request: 100 still costs 1 point (150 would cost 2), and the answer stays page-sized. */
export const CONNECTIONS_PER_REQUEST = 100;

type Page = {
  nodes: unknown[];
  pageInfo: {
    hasPreviousPage?: boolean;
    startCursor?: string | null;
    hasNextPage?: boolean;
    endCursor?: string | null;
  };
};

/** One connection to finish: backwards (comments, events, reviews) or forwards (labels, contexts). */
export class FollowUp<T> {
  private pages: T[][];
  cursor: string | null;

  constructor(
    readonly kind: FollowUpKind,
    readonly nodeId: string,
    first: { nodes: T[]; cursor: string | null },
  ) {
    this.pages = [first.nodes];
    this.cursor = first.cursor;
  }

  get backwards(): boolean {
    return this.kind === "comments" || this.kind === "events" || this.kind === "reviews";
  }

  add(page: Page | null): void {
    if (!page) {
      this.cursor = null; // the node is gone (deleted meanwhile): keep what we have
      return;
    }
    if (this.backwards) {
      this.pages.unshift(page.nodes as T[]);
      this.cursor = page.pageInfo.hasPreviousPage ? (page.pageInfo.startCursor ?? null) : null;
    } else {
      this.pages.push(page.nodes as T[]);
      this.cursor = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    }
  }

  /** Every node, oldest first, each once (a node added between two requests can appear twice). */
  get nodes(): T[] {
    const seen = new Set<unknown>();
    return this.pages.flat().filter((n) => {
      const id = (n as { id?: unknown }).id ?? n;
      return !seen.has(id) && seen.add(id);
    });
  }
}

/** Consecutive runs of `open` whose connections fit in one request. */
export function batchFollowUps<T extends { kind: FollowUpKind }>(open: T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let weight = 0;
  for (const task of open) {
    if (batch.length > 0 && weight + CONNECTIONS[task.kind] > CONNECTIONS_PER_REQUEST) {
      batches.push(batch);
      batch = [];
      weight = 0;
    }
    batch.push(task);
    weight += CONNECTIONS[task.kind];
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export async function runFollowUps(client: GithubClient, tasks: FollowUp<unknown>[]): Promise<void> {
  for (let open = tasks.filter((t) => t.cursor); open.length > 0; open = tasks.filter((t) => t.cursor)) {
    for (const batch of batchFollowUps(open)) {
      const variables: Record<string, string> = {};
      batch.forEach((t, k) => {
        variables[`id${k}`] = t.nodeId;
        variables[`c${k}`] = t.cursor ?? "";
      });
      const data = await client.query<Record<string, Record<string, Page | undefined> | null>>(
        followUpQuery(batch.map((t) => t.kind)),
        variables,
      );
      batch.forEach((t, k) => t.add(data[`n${k}`]?.[RESPONSE_FIELD[t.kind]] ?? null));
    }
  }
}
