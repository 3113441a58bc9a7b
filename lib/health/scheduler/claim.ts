// Claiming slots in the database: the guarantee that no slot runs twice, whatever the number of
// schedulers and workers, lives in these statements (row locks with SKIP LOCKED, and a conditional
// release), not in the scheduler's memory.
import { db } from "@/lib/db";
import { Prisma, type HealthTarget } from "@/lib/generated/prisma/client";

export type ClaimedTarget = HealthTarget & {
  /** The slot this claim is for (the target's nextCheckAt before the claim). */
  slotAt: Date;
  /** Where the claim moved the target's nextCheckAt (a release puts it back only from there). */
  claimedNext: Date;
};

/**
 * Claims up to `limit` targets whose slot is at or before `until` (default `now`), moving each to its
 * first slot after max(its slot, now) — slots.ts's nextSlotAfter, in SQL — in one statement with
 * FOR UPDATE SKIP LOCKED, so concurrent claimers never get the same slot. One round trip and no
 * interactive transaction: a claim never waits for a transaction slot of the connection pool.
 */
export async function claimDueTargets(
  now: Date,
  limit: number,
  targetIds?: string[],
  until: Date = now,
): Promise<ClaimedTarget[]> {
  if (limit <= 0) return [];
  const scope = targetIds ? Prisma.sql`AND id = ANY(${targetIds}::uuid[])` : Prisma.empty;
  const claimed = await db.$queryRaw<Array<{ id: string; slot: Date; next: Date }>>`
    WITH due AS (
      SELECT id, "nextCheckAt" AS slot FROM "HealthTarget"
      WHERE enabled AND "nextCheckAt" <= ${until}::timestamptz ${scope}
      ORDER BY "nextCheckAt" LIMIT ${limit}::int FOR UPDATE SKIP LOCKED
    )
    UPDATE "HealthTarget" AS h
    SET "nextCheckAt" = to_timestamp(0) + interval '1 millisecond' * ((
      floor((greatest(floor(extract(epoch FROM ${now}::timestamptz) * 1000), floor(extract(epoch FROM due.slot) * 1000))
        - h."phaseMs") / (h."intervalSeconds" * 1000)) + 1) * (h."intervalSeconds" * 1000) + h."phaseMs")::float8
    FROM due WHERE h.id = due.id
    RETURNING h.id, due.slot, h."nextCheckAt" AS next`;
  if (claimed.length === 0) return [];
  const byId = new Map(claimed.map((c) => [c.id, c]));
  const targets = await db.healthTarget.findMany({ where: { id: { in: [...byId.keys()] } } });
  return targets
    .map((t) => ({ ...t, slotAt: new Date(byId.get(t.id)!.slot), claimedNext: new Date(byId.get(t.id)!.next) }))
    .sort((a, b) => a.slotAt.getTime() - b.slotAt.getTime());
}

/**
 * Gives back claimed slots that were never started (a scheduler stopping with checks still waiting
 * for their slot): each target goes back to its earliest unstarted slot, but only if its nextCheckAt
 * is still where this scheduler's claim put it, so a slot another scheduler claimed since is never
 * handed out twice. Returns how many targets were released.
 */
export async function releaseClaims(
  claims: Array<Pick<ClaimedTarget, "id" | "slotAt" | "claimedNext">>,
): Promise<number> {
  const perTarget = new Map<string, { slot: Date; next: Date }>();
  for (const c of claims) {
    const seen = perTarget.get(c.id);
    perTarget.set(c.id, {
      slot: seen && seen.slot < c.slotAt ? seen.slot : c.slotAt,
      next: seen && seen.next > c.claimedNext ? seen.next : c.claimedNext,
    });
  }
  if (perTarget.size === 0) return 0;
  const rows = [...perTarget.entries()];
  return db.$executeRaw`
    UPDATE "HealthTarget" AS h SET "nextCheckAt" = r.slot
    FROM unnest(${rows.map(([id]) => id)}::uuid[], ${rows.map(([, r]) => r.slot)}::timestamptz[], ${rows.map(([, r]) => r.next)}::timestamptz[]) AS r(id, slot, next)
    WHERE h.id = r.id AND h."nextCheckAt" = r.next`;
}
