// Triage actions: plan (the preview) → send each step through the GitHub client → store what GitHub
// confirmed → audit. Items run one after another; the first failure stops the bulk and the report
// says what was done, what failed and why, and what was not attempted.
import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit, type AuditAction } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { GithubClient, type GithubClientOptions } from "@/lib/github/client";
import { GithubQueryError, GithubUnavailableError, RateLimitExhaustedError } from "@/lib/github/client-errors";
import { githubClientOptions, hasUsableGithubToken } from "@/lib/github/credentials";
import type { GqlComment } from "@/lib/github/queries/types";
import { ADD_COMMENT, ADD_LABELS, CLOSE_ISSUE, type LabelMutationResult, REMOVE_LABELS } from "../graphql/mutations";
import type { TriageAction, TriageActionRequest } from "../schemas";
import { getTriageConfigs } from "../settings";
import { markReadOnly, READ_ONLY_MESSAGE } from "./access";
import { applyAddLabels, applyClose, applyComment, applyRemoveLabels } from "./apply";
import { type LabelRef, type PlannedItem, planItem, type Step } from "./plan";

export type StepReport = { ref: string; done: string[]; failed: { step: string; message: string } | null };
export type ActionReport = {
  confirmed: boolean;
  plan: PlannedItem[];
  results: StepReport[];
  notAttempted: string[];
  error: string | null;
};

const AUDIT: Record<TriageAction["kind"], AuditAction> = {
  set_priority: "triage.labels_changed",
  labels: "triage.labels_changed",
  comment: "triage.commented",
  stale_ask: "triage.commented",
  stale_close: "triage.closed",
};

export function describeStep(step: Step): string {
  switch (step.op) {
    case "add_labels":
      return `addLabelsToLabelable: ${step.labels.map((l) => l.name).join(", ")}`;
    case "remove_labels":
      return `removeLabelsFromLabelable: ${step.labels.map((l) => l.name).join(", ")}`;
    case "comment":
      return `addComment: ${step.body.length > 80 ? `${step.body.slice(0, 80)}…` : step.body}`;
    case "close":
      return "closeIssue (not planned)";
  }
}

function explain(error: unknown, repoKey: string): string {
  if (error instanceof GithubQueryError) {
    if (error.errors.some((e) => e.type === "FORBIDDEN")) {
      markReadOnly(repoKey);
      return `${READ_ONLY_MESSAGE} in ${repoKey} (GitHub: ${error.errors[0]?.message ?? "forbidden"}).`;
    }
    if (error.errors.some((e) => e.type === "NOT_FOUND"))
      return `GitHub no longer has this item or label (deleted or transferred); the next sync will catch up.`;
    return `GitHub refused the change: ${error.errors
      .map((e) => e.message)
      .join("; ")
      .slice(0, 300)}`;
  }
  if (error instanceof RateLimitExhaustedError)
    return `GitHub's rate limit is spent until ${error.resetAt.toISOString()}; try again after that.`;
  if (error instanceof GithubUnavailableError) return `GitHub did not answer: ${error.message.slice(0, 300)}`;
  return "The change could not be sent to GitHub.";
}

async function loadTargets(itemIds: string[]) {
  const items = await db.githubItem.findMany({
    where: { id: { in: itemIds }, removedAt: null, repo: { enabled: true } },
    select: {
      id: true,
      repoId: true,
      number: true,
      kind: true,
      state: true,
      repo: { select: { key: true } },
      labels: { select: { label: { select: { name: true } } } },
    },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  const missing = itemIds.filter((id) => !byId.has(id));
  if (missing.length)
    throw new ApiError(
      404,
      "not_found",
      `${missing.length} selected item(s) are not in a synced repository any more; refresh the queue.`,
    );
  const repoIds = [...new Set(items.map((i) => i.repoId))];
  const [configs, labels] = await Promise.all([
    getTriageConfigs(repoIds),
    db.githubLabel.findMany({ where: { repoId: { in: repoIds } }, select: { id: true, name: true, repoId: true } }),
  ]);
  return itemIds.map((id) => {
    const i = byId.get(id) as (typeof items)[number];
    const target = {
      id: i.id,
      repoId: i.repoId,
      repoKey: i.repo.key,
      number: i.number,
      kind: i.kind,
      open: i.state === "OPEN",
      labels: i.labels.map((l) => l.label.name),
    };
    return {
      target,
      config: configs.get(i.repoId),
      repoLabels: labels.filter((l) => l.repoId === i.repoId).map(({ id, name }) => ({ id, name })),
    };
  });
}

export async function planTriageAction(input: TriageActionRequest): Promise<PlannedItem[]> {
  const targets = await loadTargets(input.itemIds);
  return targets.map(({ target, config, repoLabels }) =>
    config
      ? planItem(target, input.action, config, repoLabels)
      : { itemId: target.id, ref: `${target.repoKey}#${target.number}`, steps: [], skipped: "No settings." },
  );
}

async function sendStep(
  clients: { idempotent: GithubClient; once: GithubClient },
  item: { id: string; repoId: string },
  step: Step,
  now: Date,
): Promise<void> {
  const ids = (labels: LabelRef[]) => labels.map((l) => l.id);
  if (step.op === "add_labels") {
    const data = await clients.idempotent.query<{ addLabelsToLabelable: LabelMutationResult }>(ADD_LABELS, {
      id: item.id,
      labelIds: ids(step.labels),
    });
    await db.$transaction((tx) =>
      applyAddLabels(tx, item, step.labels, data.addLabelsToLabelable.labelable?.timelineItems?.nodes ?? [], now),
    );
  } else if (step.op === "remove_labels") {
    const data = await clients.idempotent.query<{ removeLabelsFromLabelable: LabelMutationResult }>(REMOVE_LABELS, {
      id: item.id,
      labelIds: ids(step.labels),
    });
    await db.$transaction((tx) =>
      applyRemoveLabels(
        tx,
        item,
        step.labels,
        data.removeLabelsFromLabelable.labelable?.timelineItems?.nodes ?? [],
        now,
      ),
    );
  } else if (step.op === "comment") {
    // not retried: a comment GitHub received before a timeout would be posted twice
    const data = await clients.once.query<{ addComment: { commentEdge: { node: GqlComment } | null } }>(ADD_COMMENT, {
      id: item.id,
      body: step.body,
    });
    const node = data.addComment.commentEdge?.node;
    if (node) await db.$transaction((tx) => applyComment(tx, item, node));
  } else {
    const data = await clients.idempotent.query<{
      closeIssue: {
        issue: { state: string; stateReason: string | null; closedAt: string | null; updatedAt: string } | null;
      };
    }>(CLOSE_ISSUE, { id: item.id });
    const issue = data.closeIssue.issue;
    if (issue) await db.$transaction((tx) => applyClose(tx, item, issue));
  }
}

/** Previews (confirm: false) or runs a triage action; maintainers and admins only (checked by the caller). */
export async function runTriageAction(
  ctx: { actor: Actor; now?: Date; clientOptions?: Partial<GithubClientOptions> },
  input: TriageActionRequest,
): Promise<ActionReport> {
  const plan = await planTriageAction(input);
  if (!input.confirm) return { confirmed: false, plan, results: [], notAttempted: [], error: null };
  if (!ctx.clientOptions?.token && !(await hasUsableGithubToken()))
    throw new ApiError(409, "conflict", "No usable GitHub token: an admin sets one in Settings → Repositories.");
  const options = await githubClientOptions(ctx.clientOptions);
  const clients = { idempotent: new GithubClient(options), once: new GithubClient({ ...options, maxAttempts: 1 }) };
  const items = new Map(
    (await db.githubItem.findMany({ where: { id: { in: input.itemIds } }, select: { id: true, repoId: true } })).map(
      (i) => [i.id, i],
    ),
  );
  const results: StepReport[] = [];
  const todo = plan.filter((p) => p.steps.length > 0);
  for (const [index, planned] of todo.entries()) {
    const item = items.get(planned.itemId);
    if (!item) continue;
    const report: StepReport = { ref: planned.ref, done: [], failed: null };
    for (const step of planned.steps) {
      try {
        await sendStep(clients, item, step, ctx.now ?? new Date());
        report.done.push(describeStep(step));
      } catch (error) {
        report.failed = { step: describeStep(step), message: explain(error, planned.ref.split("#")[0] ?? "") };
        break;
      }
    }
    results.push(report);
    if (report.done.length) {
      await recordAudit({
        action: AUDIT[input.action.kind],
        actorId: ctx.actor.id,
        target: planned.ref,
        ip: ctx.actor.ip,
        detail: { action: input.action.kind, done: report.done, failed: report.failed?.step ?? null },
      });
    }
    if (report.failed) {
      return {
        confirmed: true,
        plan,
        results,
        notAttempted: todo.slice(index + 1).map((p) => p.ref),
        error: `${planned.ref}: ${report.failed.message}`,
      };
    }
  }
  return { confirmed: true, plan, results, notAttempted: [], error: null };
}
