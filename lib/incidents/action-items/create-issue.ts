// Postmortem action item → GitHub issue, at most once. The (incident, item) row is claimed before the
// createIssue call (a unique key, so a double click or a second person finds the claim); a refusal
// releases it; a call whose answer was lost keeps it, and the retry first looks on GitHub for the
// issue carrying the claim's marker before it creates one.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { GithubClient, type GithubClientOptions } from "@/lib/github/client";
import { GithubQueryError, RateLimitExhaustedError } from "@/lib/github/client-errors";
import { githubClientOptions, hasUsableGithubToken } from "@/lib/github/credentials";
import { PostmortemInput } from "../schemas";
import { addEvent } from "../lifecycle/timeline";
import { CREATE_ISSUE, type CreatedIssue, RECENT_ISSUES, type RecentIssues, REPOSITORY_ID } from "./graphql";
import { actionItemKey, issueMarker } from "./keys";
import type { CreateActionItemIssueInput } from "./schemas";

/** A claim older than this whose call never answered may be taken over (after the marker search). */
export const CLAIM_TIMEOUT_MS = 2 * 60_000;

export type ActionItemContext = { actor: Actor; now?: Date; clientOptions?: Partial<GithubClientOptions> };
type Claim = { id: string; repoId: string; claimedAt: Date };
type Repo = { id: string; key: string; owner: string; name: string; nodeId: string | null };
export type CreateOutcome = { created: boolean; number: number; url: string; repository: string };

async function loadItem(incidentId: string, index: number) {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, title: true, postmortem: true },
  });
  if (!incident) throw new ApiError(404, "not_found", "No such incident.");
  const parsed = PostmortemInput.safeParse(incident.postmortem);
  const item = parsed.success ? parsed.data.actionItems[index] : undefined;
  if (!item) throw new ApiError(404, "not_found", "No such action item: save the postmortem first, then refresh.");
  return { incident, text: item.text };
}

async function loadRepo(key: string): Promise<Repo> {
  const repo = await db.githubRepository.findUnique({
    where: { key: key.toLowerCase() },
    select: { id: true, key: true, owner: true, name: true, nodeId: true, enabled: true },
  });
  if (!repo?.enabled) {
    const message = `${key} is not a synced repository: an admin adds it in Settings → Repositories.`;
    throw new ApiError(422, "validation_failed", message, { repository: [message] });
  }
  return repo;
}

/** Inserts the claim, or returns null when the (incident, item) row already exists. */
async function claim(incidentId: string, key: string, text: string, repoId: string, ctx: ActionItemContext, now: Date) {
  const rows = await db.$queryRaw<Claim[]>`
    INSERT INTO "IncidentActionItemIssue" ("id", "incidentId", "itemKey", "itemText", "repoId", "status", "claimedAt", "claimedById")
    VALUES (${randomUUID()}::uuid, ${incidentId}::uuid, ${key}, ${text}, ${repoId}::uuid, 'creating', ${now}, ${ctx.actor.username})
    ON CONFLICT ("incidentId", "itemKey") DO NOTHING
    RETURNING "id", "repoId", "claimedAt"`;
  return rows[0] ?? null;
}

/** Takes over a lapsed claim (compare-and-set on its claim time: one of several retries wins). */
async function takeOver(existing: Claim, repoId: string, ctx: ActionItemContext, now: Date): Promise<Claim | null> {
  const rows = await db.$queryRaw<Claim[]>`
    UPDATE "IncidentActionItemIssue" SET "claimedAt" = ${now}, "claimedById" = ${ctx.actor.username}, "repoId" = ${repoId}::uuid
    WHERE "id" = ${existing.id}::uuid AND "status" = 'creating' AND "claimedAt" = ${existing.claimedAt}
    RETURNING "id", "repoId", "claimedAt"`;
  return rows[0] ?? null;
}

function refusal(error: unknown, repo: Repo): ApiError | null {
  if (error instanceof GithubQueryError) {
    if (error.errors.some((e) => e.type === "FORBIDDEN"))
      return new ApiError(
        403,
        "forbidden",
        `The GitHub token may read but not create issues in ${repo.owner}/${repo.name}: give it "Issues: read and write" (fine-grained) or the repo scope (classic) in Settings → Repositories.`,
      );
    if (error.errors.some((e) => e.type === "NOT_FOUND"))
      return new ApiError(404, "not_found", `GitHub has no repository ${repo.owner}/${repo.name} for this token.`);
    const message = error.errors
      .map((e) => e.message)
      .join("; ")
      .slice(0, 300);
    return new ApiError(422, "validation_failed", `GitHub refused the issue: ${message}`);
  }
  if (error instanceof RateLimitExhaustedError)
    return new ApiError(503, "unavailable", `GitHub's rate limit is spent until ${error.resetAt.toISOString()}.`);
  if (error instanceof Error && /HTTP 40[13]/.test(error.message))
    return new ApiError(403, "forbidden", `GitHub refused the token (${error.message.slice(0, 120)}).`);
  return null;
}

function issueBody(incident: { id: string; title: string }, text: string, claimId: string): string {
  const base = getEnv().STEWARD_PUBLIC_URL?.replace(/\/+$/, "");
  const where = base ? `[${incident.title}](${base}/incidents/${incident.id})` : `“${incident.title}”`;
  return `Action item from the postmortem of the incident ${where}.\n\n${issueMarker(claimId)}`;
}

async function finish(ctx: ActionItemContext, claimId: string, incidentId: string, repo: Repo, issue: CreatedIssue) {
  const now = ctx.now ?? new Date();
  const ref = `${repo.owner}/${repo.name}#${issue.number}`;
  await db.$transaction(async (tx) => {
    await tx.incidentActionItemIssue.update({
      where: { id: claimId },
      data: { status: "created", number: issue.number, url: issue.url, nodeId: issue.id, createdAt: now },
    });
    await addEvent(tx, incidentId, {
      kind: "postmortem",
      source: "github",
      body: `GitHub issue ${ref} created for an action item`,
      at: now,
      actorId: ctx.actor.id,
      actorName: ctx.actor.username,
      detail: { url: issue.url },
    });
    await recordAudit(
      {
        action: "incident.action_item_issue_created",
        actorId: ctx.actor.id,
        target: ref,
        ip: ctx.actor.ip,
        detail: { incidentId },
      },
      tx,
    );
  });
}

async function findMarked(client: GithubClient, repo: Repo, claimId: string): Promise<CreatedIssue | null> {
  const data = await client.query<RecentIssues>(RECENT_ISSUES, { owner: repo.owner, name: repo.name });
  const marker = issueMarker(claimId);
  const found = data.repository?.issues.nodes.find((i) => i.body.includes(marker));
  return found ? { id: found.id, number: found.number, url: found.url } : null;
}

/** Maintainers and admins (checked by the route). 201-worthy `created: true`, or the issue made earlier. */
export async function createActionItemIssue(
  ctx: ActionItemContext,
  incidentId: string,
  input: CreateActionItemIssueInput,
): Promise<CreateOutcome> {
  const now = ctx.now ?? new Date();
  const { incident, text } = await loadItem(incidentId, input.item);
  const key = actionItemKey(text);
  const repo = await loadRepo(input.repository);
  if (!ctx.clientOptions?.token && !(await hasUsableGithubToken()))
    throw new ApiError(409, "conflict", "No usable GitHub token: an admin sets one in Settings → Repositories.");
  const client = new GithubClient({ ...(await githubClientOptions(ctx.clientOptions)), maxAttempts: 1 });

  let mine = await claim(incidentId, key, text, repo.id, ctx, now);
  if (!mine) {
    const existing = await db.incidentActionItemIssue.findUniqueOrThrow({
      where: { incidentId_itemKey: { incidentId, itemKey: key } },
      include: { repo: { select: { id: true, key: true, owner: true, name: true, nodeId: true } } },
    });
    if (existing.status === "created" && existing.number !== null && existing.url !== null)
      return { created: false, number: existing.number, url: existing.url, repository: existing.repo.key };
    if (now.getTime() - existing.claimedAt.getTime() < CLAIM_TIMEOUT_MS)
      throw new ApiError(
        409,
        "conflict",
        `${existing.claimedById ?? "Someone"} is creating this issue right now; refresh in a moment.`,
      );
    // The earlier call never answered: its issue may exist. Look before creating another.
    const found = await findMarked(client, existing.repo, existing.id).catch(() => {
      throw new ApiError(503, "unavailable", "GitHub did not answer; try again in a minute.");
    });
    mine = await takeOver(existing, found ? existing.repoId : repo.id, ctx, now);
    if (!mine)
      throw new ApiError(409, "conflict", "Someone else is retrying this action item right now; refresh in a moment.");
    if (found) {
      await finish(ctx, mine.id, incidentId, existing.repo, found);
      return { created: true, number: found.number, url: found.url, repository: existing.repo.key };
    }
  }
  const claimId = mine.id;
  let issue: CreatedIssue | null = null;
  try {
    const repositoryId =
      repo.nodeId ??
      (await client.query<{ repository: { id: string } | null }>(REPOSITORY_ID, { owner: repo.owner, name: repo.name }))
        .repository?.id;
    if (!repositoryId) throw new ApiError(404, "not_found", `GitHub has no repository ${repo.key} for this token.`);
    const data = await client.query<{ createIssue: { issue: CreatedIssue | null } }>(CREATE_ISSUE, {
      repositoryId,
      title: text.slice(0, 256),
      body: issueBody(incident, text, claimId),
    });
    issue = data.createIssue.issue;
  } catch (error) {
    const refused = error instanceof ApiError ? error : refusal(error, repo);
    if (refused) {
      await db.incidentActionItemIssue.deleteMany({
        where: { id: claimId, status: "creating", claimedAt: mine.claimedAt },
      });
      throw refused;
    }
    throw new ApiError(
      503,
      "unavailable",
      "GitHub did not answer, so it is not known whether the issue was created. Try again in two minutes: steward first looks for it on GitHub, so no second issue is made.",
    );
  }
  if (!issue)
    throw new ApiError(503, "unavailable", "GitHub answered without the new issue; try again in two minutes.");
  await finish(ctx, claimId, incidentId, repo, issue);
  return { created: true, number: issue.number, url: issue.url, repository: repo.key };
}
