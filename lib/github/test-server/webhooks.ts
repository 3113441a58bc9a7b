import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { ancestorOf, parentOf } from "./links";
import type {
  ActorData,
  CheckRunData,
  CheckSuiteData,
  CommentData,
  CommitData,
  GeneratedRepo,
  ItemData,
} from "./types";
import {
  restAlert,
  restCheckRun,
  restCheckSuite,
  restComment,
  restIssue,
  restLabel,
  restPull,
  restRelease,
  restRepo,
  restReview,
  restUser,
  restWorkflowRun,
} from "./webhook-rest";

/** `X-Hub-Signature-256` value: HMAC-SHA256 of the raw body with the webhook secret. */
export function signWebhook(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Constant-time check of a delivery's signature header, as a receiver must do it. */
export function verifyWebhookSignature(
  secret: string,
  body: string | Buffer,
  header: string | null | undefined,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhook(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type WebhookEvent =
  | "issues"
  | "issue_comment"
  | "pull_request"
  | "pull_request_review"
  | "check_run"
  | "check_suite"
  | "workflow_run"
  | "release"
  | "label"
  | "dependabot_alert"
  | "ping";

export interface SendWebhookOptions {
  url: string;
  secret: string;
  event: WebhookEvent;
  /** Redeliveries keep the same id; a new uuid when omitted. */
  deliveryId?: string;
  payload: unknown;
}

/** Delivers like GitHub: JSON body, event + delivery + signature headers, Hookshot user agent. */
export async function sendWebhook(options: SendWebhookOptions): Promise<Response> {
  const body = JSON.stringify(options.payload);
  return fetch(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/test",
      "x-github-event": options.event,
      "x-github-delivery": options.deliveryId ?? randomUUID(),
      "x-hub-signature-256": signWebhook(options.secret, body),
    },
    body,
  });
}

// ── Payload builders: `action`, `repository`, `sender` and the object, from generated data ──

interface Envelope {
  sender?: ActorData | null;
}

function envelope(repo: GeneratedRepo, action: string, sender: ActorData | null | undefined) {
  return {
    action,
    repository: restRepo(repo),
    organization: { login: repo.owner.login, node_id: repo.owner.id },
    sender: restUser(sender ?? repo.actors[0] ?? null),
  };
}

function itemOf(repo: GeneratedRepo, number: number): ItemData {
  const item = repo.items.find((i) => i.number === number);
  if (!item) throw new Error(`${repo.nameWithOwner}#${number} does not exist`);
  return item;
}

export function buildIssuesPayload(
  repo: GeneratedRepo,
  number: number,
  action: string,
  options: Envelope & { label?: string } = {},
) {
  const item = itemOf(repo, number);
  const label = options.label ? repo.labels.find((l) => l.name === options.label) : undefined;
  return {
    ...envelope(repo, action, options.sender ?? item.author),
    issue: restIssue(repo, item),
    ...(label ? { label: restLabel(label) } : {}),
  };
}

export function buildIssueCommentPayload(
  repo: GeneratedRepo,
  number: number,
  comment: CommentData | number,
  action = "created",
  options: Envelope = {},
) {
  const item = itemOf(repo, number);
  const data = typeof comment === "number" ? item.comments[comment] : comment;
  if (!data) throw new Error(`#${number} has no comment ${String(comment)}`);
  return {
    ...envelope(repo, action, options.sender ?? data.author),
    issue: restIssue(repo, item),
    comment: restComment(repo, item, data),
  };
}

export function buildPullRequestPayload(repo: GeneratedRepo, number: number, action: string, options: Envelope = {}) {
  const item = itemOf(repo, number);
  return { ...envelope(repo, action, options.sender ?? item.author), number, pull_request: restPull(repo, item) };
}

export function buildPullRequestReviewPayload(
  repo: GeneratedRepo,
  number: number,
  reviewIndex: number,
  action = "submitted",
) {
  const item = itemOf(repo, number);
  const review = item.__typename === "PullRequest" ? item.reviews[reviewIndex] : undefined;
  if (!review) throw new Error(`#${number} has no review ${reviewIndex}`);
  return {
    ...envelope(repo, action, review.author),
    review: restReview(item, review),
    pull_request: restPull(repo, item),
  };
}

/** Commit and branch a check suite belongs to (a PR's head branch, or the default branch). */
function suiteContext(repo: GeneratedRepo, suite: CheckSuiteData): { commit: CommitData; branch: string } {
  const commit = parentOf(suite) as CommitData | undefined;
  if (!commit) throw new Error("check suite is not attached to a generated commit");
  const pr = ancestorOf(commit, ["PullRequest"]);
  return { commit, branch: typeof pr?.headRefName === "string" ? pr.headRefName : repo.defaultBranchRef.name };
}

export function buildCheckRunPayload(repo: GeneratedRepo, run: CheckRunData, action = "completed") {
  const suite = parentOf(run) as CheckSuiteData | undefined;
  if (!suite) throw new Error("check run is not attached to a generated check suite");
  const { commit, branch } = suiteContext(repo, suite);
  return { ...envelope(repo, action, null), check_run: restCheckRun(run, suite, commit, branch) };
}

export function buildCheckSuitePayload(repo: GeneratedRepo, suite: CheckSuiteData, action = "completed") {
  const { commit, branch } = suiteContext(repo, suite);
  return { ...envelope(repo, action, null), check_suite: restCheckSuite(suite, commit, branch) };
}

export function buildWorkflowRunPayload(repo: GeneratedRepo, suite: CheckSuiteData, action = "completed") {
  const { commit, branch } = suiteContext(repo, suite);
  const run = restWorkflowRun(suite, commit, branch);
  return {
    ...envelope(repo, action, null),
    workflow_run: run,
    workflow: {
      id: run.workflow_id,
      name: run.name,
      path: `.github/workflows/${run.name.toLowerCase()}.yml`,
      state: "active",
    },
  };
}

export function buildReleasePayload(repo: GeneratedRepo, tagName: string, action = "published") {
  const release = repo.releases.find((r) => r.tagName === tagName);
  if (!release) throw new Error(`no release ${tagName}`);
  return { ...envelope(repo, action, release.publishedBy), release: restRelease(repo, release) };
}

export function buildLabelPayload(repo: GeneratedRepo, name: string, action = "created", options: Envelope = {}) {
  const label = repo.labels.find((l) => l.name === name);
  if (!label) throw new Error(`no label ${name}`);
  return { ...envelope(repo, action, options.sender), label: restLabel(label) };
}

export function buildDependabotAlertPayload(repo: GeneratedRepo, number: number, action: string) {
  const alert = repo.vulnerabilityAlerts.find((a) => a.number === number);
  if (!alert) throw new Error(`no Dependabot alert #${number}`);
  const sender = alert.dismisser ?? repo.actors.find((a) => a.login === "dependabot") ?? null;
  return { ...envelope(repo, action, sender), alert: restAlert(repo, alert) };
}
