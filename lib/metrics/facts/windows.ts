// Pre-aggregated item KPIs per window (MetricsItemWindow): a window computed from the facts is
// stored and read back until a facts refresh changes something at or before its end. Keyed by the
// repository selection, the metrics configuration and the labels it matches, and by the window's
// instants — so another time zone, ignore list or a renamed bug label reads (or builds) other rows.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { Prisma } from "@/lib/generated/prisma/client";
import { metricsConfig } from "../config";
import type { KpiValues, MetricsContext } from "../types";
import { getItemKpisFromFacts } from "./queries";

/** Bump when an item KPI's definition or query changes: stored windows of older code are not read. */
const ALGORITHM = 2;
const VERSIONS = `SELECT coalesce(jsonb_object_agg(v."repoId", v.version), '{}'::jsonb)::text AS v
  FROM "MetricsItemVersion" v WHERE v."repoId" = ANY($1::uuid[])`;

async function keyOf(ctx: MetricsContext): Promise<string> {
  const critical = ctx.config.criticalLabels.map((l) => l.toLowerCase());
  const labels = await db.$queryRawUnsafe<Array<{ l: string }>>(
    `SELECT l.id || ':' || lower(l.name) AS l FROM "GithubLabel" l
     WHERE l."repoId" = ANY($1::uuid[]) AND (lower(l.name) = $2 OR lower(l.name) = ANY($3::text[])) ORDER BY 1`,
    ctx.repoIds,
    ctx.config.bugLabel.toLowerCase(),
    critical,
  );
  const repos = [...ctx.repoIds].sort();
  return createHash("sha256")
    .update(JSON.stringify([ALGORITHM, repos, ctx.config, labels.map((r) => r.l)]))
    .digest("hex");
}

/**
 * The item KPIs of each window: stored ones as they are, the others from the facts (then stored).
 * Only for the configured settings (metricsConfig), which the refresh's invalidation knows about.
 */
export async function getItemKpisStored(ctx: MetricsContext): Promise<KpiValues[]> {
  if (ctx.windows.length === 0) return [];
  if (JSON.stringify(ctx.config) !== JSON.stringify(metricsConfig())) return getItemKpisFromFacts(ctx);
  // The versions before computing: a refresh committed meanwhile changes them, and the insert is skipped.
  const [[before], key] = await Promise.all([
    db.$queryRawUnsafe<Array<{ v: string }>>(VERSIONS, ctx.repoIds),
    keyOf(ctx),
  ]);
  const starts = ctx.windows.map((w) => w.start.toISOString());
  const ends = ctx.windows.map((w) => w.end.toISOString());
  const stored = await db.$queryRawUnsafe<Array<{ s: Date; e: Date; values: KpiValues }>>(
    `SELECT m.start AS s, m."end" AS e, m.values FROM "MetricsItemWindow" m
     JOIN unnest($2::text[]::timestamptz[], $3::text[]::timestamptz[]) AS w(s, e) ON m.start = w.s AND m."end" = w.e
     WHERE m.key = $1`,
    key,
    starts,
    ends,
  );
  const found = new Map(stored.map((r) => [`${r.s.getTime()}|${r.e.getTime()}`, r.values]));
  const id = (w: { start: Date; end: Date }) => `${w.start.getTime()}|${w.end.getTime()}`;
  const missing = ctx.windows.filter((w) => !found.has(id(w)));
  if (missing.length > 0) {
    const computed = await getItemKpisFromFacts({ ...ctx, windows: missing });
    missing.forEach((w, i) => found.set(id(w), computed[i]!));
    // Keeping them is an optimisation: a store that fails (say, it waited too long on a busy sync)
    // costs the next request a computation, never this one its answer.
    await storeWindows(
      key,
      ctx.repoIds,
      missing.map((w, i) => ({ start: w.start, end: w.end, values: computed[i]! })),
      before?.v ?? "{}",
    ).catch((error: unknown) =>
      logger.warn("metrics windows not stored", { error: error instanceof Error ? error.message : String(error) }),
    );
  }
  return ctx.windows.map((w) => found.get(id(w))!);
}

/**
 * Stores computed windows unless a facts refresh touched these repositories since `before` (their
 * versions when the computation began) was read. The version rows are read FOR SHARE: a refresh that
 * has bumped a version but not committed makes this wait and then skip, and one that comes later
 * waits for this insert and then deletes what it invalidates. Without the lock an insert landing
 * between a refresh's DELETE and its commit kept a window computed from the old facts for good.
 * Returns whether the rows were stored.
 */
export async function storeWindows(
  key: string,
  repoIds: string[],
  rows: Array<{ start: Date; end: Date; values: KpiValues }>,
  before: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // A repository's version row exists before it is locked: a refresh creating it concurrently
    // makes this insert wait for its commit (unique index), so the FOR SHARE below sees it.
    await tx.$executeRawUnsafe(
      `INSERT INTO "MetricsItemVersion" ("repoId") SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`,
      repoIds,
    );
    const [now] = await tx.$queryRawUnsafe<Array<{ v: string }>>(
      `SELECT coalesce(jsonb_object_agg(l."repoId", l.version), '{}'::jsonb)::text AS v FROM (
         SELECT v."repoId", v.version FROM "MetricsItemVersion" v WHERE v."repoId" = ANY($1::uuid[])
         ORDER BY v."repoId" FOR SHARE) l`,
      repoIds,
    );
    if (!sameVersions(now?.v ?? "{}", before)) return false;
    await tx.$executeRawUnsafe(
      `INSERT INTO "MetricsItemWindow" (key, start, "end", "repoIds", values)
       SELECT $1, x.s, x.e, $2::uuid[], x.v FROM json_to_recordset($3::json) AS x(s timestamptz, e timestamptz, v jsonb)
       ON CONFLICT DO NOTHING`,
      key,
      repoIds,
      JSON.stringify(rows.map((r) => ({ s: r.start.toISOString(), e: r.end.toISOString(), v: r.values }))),
    );
    return true;
  });
}

/** Version maps equal, a repository without a row counting as version 0 (the row the lock creates). */
function sameVersions(a: string, b: string): boolean {
  const x = JSON.parse(a) as Record<string, number>;
  const y = JSON.parse(b) as Record<string, number>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => Number(x[k] ?? 0) === Number(y[k] ?? 0));
}

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/**
 * Drops a repository's stored windows ending after `from`, and bumps its version (in the writer's
 * transaction). The bump comes first: its row lock is what storeWindows waits on.
 */
export async function invalidateItemWindows(tx: Tx, repoId: string, from: Date | null): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "MetricsItemVersion" ("repoId", version) VALUES ($1::uuid, 1)
     ON CONFLICT ("repoId") DO UPDATE SET version = "MetricsItemVersion".version + 1`,
    repoId,
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM "MetricsItemWindow" WHERE $1::uuid = ANY("repoIds") AND ($2::timestamptz IS NULL OR "end" > $2::timestamptz)`,
    repoId,
    from?.toISOString() ?? null,
  );
}

/** After a bulk rebuild of the facts: nothing stored is trusted. */
export async function clearItemWindows(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "MetricsItemVersion" ("repoId", version) SELECT id, 1 FROM "GithubRepository" ORDER BY id
     ON CONFLICT ("repoId") DO UPDATE SET version = "MetricsItemVersion".version + 1`,
  );
  await tx.$executeRawUnsafe(`DELETE FROM "MetricsItemWindow"`);
}
