// Per-repository sync state in the database: watermarks (GithubSyncCursor) and the lease that
// keeps two syncs of one repository from running at once, across processes.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "./bulk";

export type Resource = "issues" | "pulls" | "backstop";

export interface CursorState {
  /** Everything updated before this is stored. */
  watermark: Date | null;
  /** Resume point of an unfinished walk (PRs: newest-first down to the watermark). */
  cursor: string | null;
  /** PRs: the newest `updatedAt` when the unfinished walk started; the watermark once it ends. */
  walkTop: Date | null;
}

export async function readCursor(db: PrismaClient, repoId: string, resource: Resource): Promise<CursorState> {
  const row = await db.githubSyncCursor.findUnique({ where: { repoId_resource: { repoId, resource } } });
  return { watermark: row?.watermark ?? null, cursor: row?.cursor ?? null, walkTop: row?.walkTop ?? null };
}

/** Both walks' cursor rows, read now; a failed read fails only the walk that awaits it. */
export function readCursors(
  db: PrismaClient,
  repoId: string,
): { issues: Promise<CursorState>; pulls: Promise<CursorState> } {
  const read = (resource: Resource) => {
    const promise = readCursor(db, repoId, resource);
    promise.catch(() => undefined); // awaited later, or never when the overview fails first
    return promise;
  };
  return { issues: read("issues"), pulls: read("pulls") };
}

export async function writeCursor(tx: Tx, repoId: string, resource: Resource, state: CursorState): Promise<void> {
  await tx.githubSyncCursor.upsert({
    where: { repoId_resource: { repoId, resource } },
    create: { repoId, resource, ...state },
    update: state,
  });
}

export const LEASE_MS = 10 * 60_000;

export class LeaseLostError extends Error {
  constructor() {
    super("Another sync took over this repository (this one's lease lapsed)");
    this.name = "LeaseLostError";
  }
}

/** Claims the repository for one sync; null when another sync holds an unexpired lease. */
export async function claimLease(db: PrismaClient, repoId: string): Promise<string | null> {
  const leaseId = randomUUID();
  const now = new Date();
  const { count } = await db.githubRepository.updateMany({
    where: { id: repoId, OR: [{ syncLeaseUntil: null }, { syncLeaseUntil: { lt: now } }] },
    data: { syncLeaseId: leaseId, syncLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1 ? leaseId : null;
}

/** Extends the lease inside a page's transaction; a lost lease rolls the page back. */
export async function renewLease(tx: Tx, repoId: string, leaseId: string): Promise<void> {
  const { count } = await tx.githubRepository.updateMany({
    where: { id: repoId, syncLeaseId: leaseId },
    data: { syncLeaseUntil: new Date(Date.now() + LEASE_MS) },
  });
  if (count !== 1) throw new LeaseLostError();
}

export async function releaseLease(db: PrismaClient, repoId: string, leaseId: string): Promise<void> {
  await db.githubRepository.updateMany({
    where: { id: repoId, syncLeaseId: leaseId },
    data: { syncLeaseId: null, syncLeaseUntil: null },
  });
}
