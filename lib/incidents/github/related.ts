// Related issues and pull requests: linked by hand, found referencing an incident (its id, e.g. in its
// link …/incidents/<id>, in a body or comment that also says "incident"), or the P0 issue that opened it.
// Each new link and each later state change (closed, reopened, merged) is written to the timeline once:
// the link row keeps the state last seen and is moved on with a conditional update.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nowOf, type IncidentContext } from "../context";
import { addEvent, type EventKind } from "../lifecycle/timeline";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const word = (kind: string) => (kind === "pull_request" ? "Pull request" : "Issue");
type ItemRow = { id: string; repoKey: string; number: number; kind: string; title: string; url: string; state: string };

const itemSelect = {
  id: true,
  number: true,
  kind: true,
  title: true,
  url: true,
  state: true,
  repo: { select: { key: true } },
};

/** "owner/name#12" or a GitHub issue/PR URL → a synced item. */
export async function findItemByRef(ref: string): Promise<ItemRow> {
  const m =
    /^([\w.-]+\/[\w.-]+)#(\d+)$/.exec(ref.trim()) ??
    /^https?:\/\/[^/]+\/([\w.-]+\/[\w.-]+)\/(?:issues|pull)\/(\d+)\/?(?:[#?].*)?$/.exec(ref.trim());
  if (!m?.[1] || !m[2])
    throw new ApiError(400, "validation_failed", "Give owner/name#number or the issue's GitHub URL.", {
      ref: ["Use owner/name#number or a GitHub issue or pull request URL."],
    });
  const item = await db.githubItem.findFirst({
    where: { repo: { key: m[1].toLowerCase() }, number: Number(m[2]), removedAt: null },
    select: itemSelect,
  });
  if (!item)
    throw new ApiError(404, "not_found", `${m[1]}#${m[2]} is not among the synced issues and pull requests.`, {
      ref: ["Not found in a synced repository (add the repository, or wait for its next sync)."],
    });
  return { ...item, repoKey: item.repo.key, kind: String(item.kind) };
}

async function link(
  tx: Prisma.TransactionClient,
  incidentId: string,
  item: ItemRow,
  how: "manual" | "reference",
  createdById: string | null,
): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "IncidentLink" ("id", "incidentId", "itemId", "repoKey", "number", "kind", "title", "url", "state", "how", "createdById")
    VALUES (gen_random_uuid(), ${incidentId}::uuid, ${item.id}, ${item.repoKey}, ${item.number}, ${item.kind},
      ${item.title.slice(0, 300)}, ${item.url}, ${item.state}, ${how}, ${createdById})
    ON CONFLICT ("incidentId", "itemId") DO NOTHING RETURNING "id"`;
  return rows.length === 1;
}

export async function linkRelatedItem(ctx: IncidentContext, incidentId: string, ref: string) {
  const item = await findItemByRef(ref);
  const now = nowOf(ctx);
  return db.$transaction(async (tx) => {
    if (!(await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } })))
      throw new ApiError(404, "not_found", "No such incident.");
    if (!(await link(tx, incidentId, item, "manual", ctx.actor?.id ?? null)))
      throw new ApiError(409, "conflict", `${item.repoKey}#${item.number} is already linked to this incident.`);
    await addEvent(tx, incidentId, {
      kind: "related_linked",
      source: "person",
      at: now,
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
      body: `${word(item.kind)} ${item.repoKey}#${item.number} linked: ${item.title} (${item.state.toLowerCase()})`,
      detail: { url: item.url, itemId: item.id },
    });
    await recordAudit(
      {
        action: "incident.linked",
        actorId: ctx.actor?.id,
        target: incidentId,
        ip: ctx.actor?.ip,
        detail: { item: `${item.repoKey}#${item.number}` },
      },
      tx,
    );
    return item;
  });
}

export async function unlinkRelatedItem(ctx: IncidentContext, incidentId: string, linkId: string) {
  const now = nowOf(ctx);
  await db.$transaction(async (tx) => {
    const gone = await tx.incidentLink.deleteMany({ where: { id: linkId, incidentId } });
    if (gone.count === 0) throw new ApiError(404, "not_found", "No such link on this incident.");
    await addEvent(tx, incidentId, {
      kind: "related_unlinked",
      source: "person",
      at: now,
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
      body: "A related issue was unlinked",
    });
    await recordAudit(
      {
        action: "incident.unlinked",
        actorId: ctx.actor?.id,
        target: incidentId,
        ip: ctx.actor?.ip,
        detail: { linkId },
      },
      tx,
    );
  });
}

/**
 * Links every item of the repository whose body or a comment references an incident. An incident's id is
 * random, so only text edited after the first incident began (or was created) can hold one: that bound lets the
 * (repoId, updatedAt) index skip the repository's history when the board is young (no incident: no scan).
 */
async function linkReferences(repoId: string, now: Date): Promise<number> {
  const refs = await db.$queryRaw<Array<ItemRow & { incidentId: string }>>`
    WITH first_incident AS (SELECT min(least("createdAt", "startedAt")) AS at FROM "Incident"),
    mentions AS (
      SELECT i.id AS "itemId", (regexp_matches(i.body, ${UUID}, 'gi'))[1] AS ref FROM "GithubItem" i
      WHERE i."repoId" = ${repoId}::uuid AND i."updatedAt" >= (SELECT at FROM first_incident)
        AND i."removedAt" IS NULL AND strpos(lower(i.body), 'incident') > 0
      UNION
      SELECT c."itemId", (regexp_matches(c.body, ${UUID}, 'gi'))[1] FROM "GithubComment" c
      WHERE c."repoId" = ${repoId}::uuid AND c."updatedAt" >= (SELECT at FROM first_incident)
        AND strpos(lower(c.body), 'incident') > 0
    )
    SELECT DISTINCT inc.id AS "incidentId", i.id, r.key AS "repoKey", i.number, i.kind::text AS kind, i.title, i.url, i.state
    FROM mentions m JOIN "Incident" inc ON inc.id::text = lower(m.ref)
    JOIN "GithubItem" i ON i.id = m."itemId" JOIN "GithubRepository" r ON r.id = i."repoId"
    WHERE NOT EXISTS (SELECT 1 FROM "IncidentLink" l WHERE l."incidentId" = inc.id AND l."itemId" = i.id)`;
  let linked = 0;
  for (const ref of refs) {
    await db.$transaction(async (tx) => {
      if (!(await link(tx, ref.incidentId, ref, "reference", null))) return;
      linked++;
      await addEvent(tx, ref.incidentId, {
        kind: "related_linked",
        source: "github",
        at: now,
        body: `${word(ref.kind)} ${ref.repoKey}#${ref.number} references this incident: ${ref.title} (${ref.state.toLowerCase()})`,
        detail: { url: ref.url, itemId: ref.id },
      });
    });
  }
  return linked;
}

const CHANGE: Record<string, string> = { OPEN: "reopened", CLOSED: "closed", MERGED: "merged" };

/** Writes "closed / reopened / merged" to the timelines of the incidents linked to a changed item. */
async function recordStateChanges(repoId: string, now: Date): Promise<number> {
  const changed = await db.$queryRaw<
    Array<{ linkId: string; incidentId: string; from: string; to: string; at: Date | null } & ItemRow>
  >`
    SELECT l.id AS "linkId", l."incidentId", l.state AS "from", i.state AS "to", COALESCE(i."mergedAt", i."closedAt", i."updatedAt") AS at,
      i.id, l."repoKey", i.number, i.kind::text AS kind, i.title, i.url, i.state
    FROM "IncidentLink" l JOIN "GithubItem" i ON i.id = l."itemId"
    WHERE i."repoId" = ${repoId}::uuid AND l.state <> i.state AND i.state IN ('OPEN', 'CLOSED', 'MERGED')`;
  let written = 0;
  for (const c of changed) {
    await db.$transaction(async (tx) => {
      const moved = await tx.incidentLink.updateMany({
        where: { id: c.linkId, state: c.from },
        data: { state: c.to, title: c.title.slice(0, 300) },
      });
      if (moved.count !== 1) return;
      written++;
      await addEvent(tx, c.incidentId, {
        kind: `related_${CHANGE[c.to] ?? "changed"}` as EventKind,
        source: "github",
        at: c.to === "OPEN" ? now : (c.at ?? now),
        body: `Related ${word(c.kind).toLowerCase()} ${c.repoKey}#${c.number} ${CHANGE[c.to] ?? "changed"}: ${c.title}`,
        detail: { url: c.url, itemId: c.id },
      });
    });
  }
  return written;
}

export async function syncRelatedItems(ctx: { now?: Date }, repoId: string) {
  const now = ctx.now ?? new Date();
  return { linked: await linkReferences(repoId, now), stateChanges: await recordStateChanges(repoId, now) };
}
