// Follow-up pages for many connections at once (queries/follow-ups.ts): in rounds, each round
// asking for the next page of every unfinished connection, 10 connections per request.
import type { GithubClient } from "../client";
import { type FollowUpKind, followUpQuery, RESPONSE_FIELD } from "../queries/follow-ups";

const PER_REQUEST = 10;

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

export async function runFollowUps(client: GithubClient, tasks: FollowUp<unknown>[]): Promise<void> {
  for (let open = tasks.filter((t) => t.cursor); open.length > 0; open = tasks.filter((t) => t.cursor)) {
    for (let i = 0; i < open.length; i += PER_REQUEST) {
      const batch = open.slice(i, i + PER_REQUEST);
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
