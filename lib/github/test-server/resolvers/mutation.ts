// The mutations steward sends (triage actions, postmortem action items), applied to the generated data like
// GitHub applies them: labels added/removed with label events, comments by the token's user, issues closed
// with a reason, new issues opened by the token's user (and seen by the next sync).
import { GitHubError } from "../connection";
import { isRecord } from "../links";
import { addComment, addLabel, closeIssue, createIssue, removeLabel } from "../mutations";
import type { GeneratedRepo, ItemData } from "../types";
import type { ResolverMap, ServerContext } from "./context";
import { str } from "./query";

const forbidden = () => new GitHubError("Resource not accessible by personal access token", "FORBIDDEN");
const notFound = (id: string) =>
  new GitHubError(`Could not resolve to a node with the global id of '${id}'.`, "NOT_FOUND");

function inputOf(args: Record<string, unknown>): Record<string, unknown> {
  return isRecord(args.input) ? args.input : {};
}

function itemFor(ctx: ServerContext, id: string): { repo: GeneratedRepo; item: ItemData } {
  if (!ctx.canWrite) throw forbidden();
  for (const repo of ctx.repos) {
    const item = repo.items.find((i) => i.id === id);
    if (item) return { repo, item };
  }
  throw notFound(id);
}

function labelNames(repo: GeneratedRepo, ids: unknown): string[] {
  return (Array.isArray(ids) ? ids : []).map((id) => {
    const label = repo.labels.find((l) => l.id === str(id));
    if (!label) throw notFound(str(id));
    return label.name;
  });
}

export const mutationResolvers: ResolverMap = {
  Mutation: {
    createIssue: (_s, args, ctx) => {
      const input = inputOf(args);
      const id = str(input.repositoryId);
      const repo = ctx.repos.find((r) => r.id === id);
      if (!repo) throw notFound(id);
      if (!ctx.canWrite) throw forbidden();
      const title = str(input.title);
      if (!title.trim()) throw new GitHubError("Title can't be blank", "UNPROCESSABLE");
      const labels = Array.isArray(input.labelIds) ? labelNames(repo, input.labelIds) : [];
      const issue = createIssue(repo, new Date(), {
        title,
        body: input.body === undefined || input.body === null ? "" : str(input.body),
        author: ctx.viewer,
        labels,
      });
      return { clientMutationId: input.clientMutationId ?? null, issue };
    },
    addLabelsToLabelable: (_s, args, ctx) => {
      const input = inputOf(args);
      const { repo, item } = itemFor(ctx, str(input.labelableId));
      for (const name of labelNames(repo, input.labelIds)) {
        if (!item.labels.some((l) => l.name === name))
          addLabel(repo, item.number, new Date(), { name, actor: ctx.viewer });
      }
      return { clientMutationId: input.clientMutationId ?? null, labelable: item };
    },
    removeLabelsFromLabelable: (_s, args, ctx) => {
      const input = inputOf(args);
      const { repo, item } = itemFor(ctx, str(input.labelableId));
      for (const name of labelNames(repo, input.labelIds))
        removeLabel(repo, item.number, new Date(), { name, actor: ctx.viewer });
      return { clientMutationId: input.clientMutationId ?? null, labelable: item };
    },
    addComment: (_s, args, ctx) => {
      const input = inputOf(args);
      const { repo, item } = itemFor(ctx, str(input.subjectId));
      const body = str(input.body);
      if (!body.trim()) throw new GitHubError("Body can't be blank", "UNPROCESSABLE");
      const comment = addComment(repo, item.number, new Date(), { body, author: ctx.viewer });
      return {
        clientMutationId: input.clientMutationId ?? null,
        commentEdge: { cursor: comment.id, node: comment },
        subject: item,
        timelineEdge: null,
      };
    },
    closeIssue: (_s, args, ctx) => {
      const input = inputOf(args);
      const { repo, item } = itemFor(ctx, str(input.issueId));
      if (item.__typename !== "Issue") throw notFound(str(input.issueId));
      const reason = input.stateReason === "NOT_PLANNED" ? "NOT_PLANNED" : "COMPLETED";
      if (item.state !== "CLOSED") closeIssue(repo, item.number, new Date(), reason, ctx.viewer);
      return { clientMutationId: input.clientMutationId ?? null, issue: item };
    },
  },
  Repository: {
    viewerPermission: (_s, _a, ctx) => (ctx.canWrite ? "ADMIN" : "READ"),
  },
};
