import { compareValues, GitHubError, paginate, toPageArgs } from "../connection";
import { isRecord, repoOf } from "../links";
import type { ActorData, GeneratedRepo, ItemData, LabelData, MilestoneData, RefData, ReleaseData } from "../types";
import type { ResolverMap } from "./context";
import { type ItemListArgs, listItems } from "./listing";
import { str } from "./query";

const asRepo = (source: Record<string, unknown>) => source as unknown as GeneratedRepo;
const notFound = (message: string) => new GitHubError(message, "NOT_FOUND");

interface Order {
  field: string;
  direction: "ASC" | "DESC";
}
const orderOf = (args: Record<string, unknown>): Order | null =>
  isRecord(args.orderBy)
    ? { field: str(args.orderBy.field), direction: args.orderBy.direction === "DESC" ? "DESC" : "ASC" }
    : null;

function sortBy<T>(items: readonly T[], order: Order | null, keys: Record<string, (item: T) => string | number>): T[] {
  const key = order ? keys[order.field] : undefined;
  if (!order || !key) return [...items];
  const sign = order.direction === "DESC" ? -1 : 1;
  return [...items].sort((a, b) => sign * compareValues(key(a), key(b)));
}

function byNumber(repo: GeneratedRepo, number: unknown): ItemData | undefined {
  return repo.items.find((item) => item.number === number);
}

/** Stand-in accounts for large audiences (stargazers, watchers): the repo's actors, cycled. */
function audience(repo: GeneratedRepo, count: number): ActorData[] {
  const users = repo.actors.filter((a) => a.__typename === "User");
  return Array.from({ length: count }, (_, i) => users[i % users.length] as ActorData);
}

export const repositoryResolvers: ResolverMap = {
  Repository: {
    issues: (s, args) => listItems(asRepo(s), "Issue", args as ItemListArgs),
    pullRequests: (s, args) => listItems(asRepo(s), "PullRequest", args as ItemListArgs),
    issue: (s, args) => {
      const item = byNumber(asRepo(s), args.number);
      if (item?.__typename !== "Issue")
        throw notFound(`Could not resolve to an Issue with the number of ${str(args.number)}.`);
      return item;
    },
    pullRequest: (s, args) => {
      const item = byNumber(asRepo(s), args.number);
      if (item?.__typename !== "PullRequest")
        throw notFound(`Could not resolve to a PullRequest with the number of ${str(args.number)}.`);
      return item;
    },
    issueOrPullRequest: (s, args) => {
      const item = byNumber(asRepo(s), args.number);
      if (!item)
        throw notFound(`Could not resolve to an issue or pull request with the number of ${str(args.number)}.`);
      return item;
    },
    labels: (s, args) => {
      const query = typeof args.query === "string" ? args.query.toLowerCase() : null;
      const labels = asRepo(s).labels.filter((l) => !query || l.name.toLowerCase().includes(query));
      return paginate(
        sortBy<LabelData>(labels, orderOf(args), { NAME: (l) => l.name.toLowerCase(), CREATED_AT: (l) => l.createdAt }),
        toPageArgs(args),
      );
    },
    label: (s, args) => asRepo(s).labels.find((l) => l.name.toLowerCase() === str(args.name).toLowerCase()) ?? null,
    milestones: (s, args) => {
      const states = Array.isArray(args.states) ? args.states : null;
      const list = asRepo(s).milestones.filter((m) => !states || states.includes(m.state));
      return paginate(
        sortBy<MilestoneData>(list, orderOf(args), {
          NUMBER: (m) => m.number,
          DUE_DATE: (m) => m.dueOn ?? "",
          CREATED_AT: (m) => m.createdAt,
          UPDATED_AT: (m) => m.updatedAt,
        }),
        toPageArgs(args),
      );
    },
    milestone: (s, args) => asRepo(s).milestones.find((m) => m.number === args.number) ?? null,
    releases: (s, args) =>
      paginate(
        sortBy<ReleaseData>(asRepo(s).releases, orderOf(args), {
          CREATED_AT: (r) => r.createdAt,
          NAME: (r) => r.name ?? r.tagName,
        }),
        toPageArgs(args),
      ),
    release: (s, args) => asRepo(s).releases.find((r) => r.tagName === args.tagName) ?? null,
    latestRelease: (s) => asRepo(s).releases.find((r) => r.isLatest) ?? null,
    refs: (s, args) => {
      const query = typeof args.query === "string" ? args.query : "";
      const refs = asRepo(s).refs.filter((r) => r.prefix === args.refPrefix && r.name.includes(query));
      const order = orderOf(args) ?? { field: "ALPHABETICAL", direction: args.direction === "DESC" ? "DESC" : "ASC" };
      const commitDate = (r: RefData) =>
        r.target.__typename === "Tag" ? r.target.target.committedDate : r.target.committedDate;
      return paginate(
        sortBy<RefData>(refs, order, { ALPHABETICAL: (r) => r.name, TAG_COMMIT_DATE: commitDate }),
        toPageArgs(args),
      );
    },
    ref: (s, args) =>
      asRepo(s).refs.find((r) => `${r.prefix}${r.name}` === args.qualifiedName || r.name === args.qualifiedName) ??
      null,
    vulnerabilityAlerts: (s, args) => {
      const states = Array.isArray(args.states) ? args.states : null;
      const scopes = Array.isArray(args.dependencyScopes) ? args.dependencyScopes : null;
      const alerts = asRepo(s).vulnerabilityAlerts.filter(
        (a) => (!states || states.includes(a.state)) && (!scopes || scopes.includes(a.dependencyScope)),
      );
      return paginate(alerts, toPageArgs(args));
    },
    vulnerabilityAlert: (s, args) => asRepo(s).vulnerabilityAlerts.find((a) => a.number === args.number) ?? null,
    watchers: (s, args) => paginate(audience(asRepo(s), asRepo(s).watcherCount), toPageArgs(args)),
    stargazers: (s, args) => {
      const page = paginate(audience(asRepo(s), asRepo(s).stargazerCount), toPageArgs(args));
      return { ...page, edges: page.edges.map((e) => ({ ...e, starredAt: asRepo(s).createdAt })) };
    },
    assignableUsers: (s, args) =>
      paginate(
        asRepo(s).actors.filter((a) => a.__typename === "User"),
        toPageArgs(args),
      ),
    mentionableUsers: (s, args) =>
      paginate(
        asRepo(s).actors.filter((a) => a.__typename === "User"),
        toPageArgs(args),
      ),
    object: (s, args) => {
      const repo = asRepo(s);
      if (args.expression === "HEAD" || args.expression === repo.defaultBranchRef.name)
        return repo.defaultBranchRef.target;
      return repo.history.find((c) => c.oid === args.oid || c.oid === args.expression) ?? null;
    },
  },
  Label: {
    issues: (s, args) => scoped(s, args, "Issue", (item) => item.labels.some((l) => l.id === s.id)),
    pullRequests: (s, args) => scoped(s, args, "PullRequest", (item) => item.labels.some((l) => l.id === s.id)),
  },
  Milestone: {
    issues: (s, args) => scoped(s, args, "Issue", (item) => item.milestone?.id === s.id),
    pullRequests: (s, args) => scoped(s, args, "PullRequest", (item) => item.milestone?.id === s.id),
    progressPercentage: (s) => {
      const items = repoOf(s)?.items.filter((i) => i.milestone?.id === s.id) ?? [];
      return items.length ? (100 * items.filter((i) => i.state !== "OPEN").length) / items.length : 0;
    },
  },
};

/** Label.issues, Milestone.pullRequests…: the repository listing, narrowed to one label or milestone. */
function scoped(
  s: Record<string, unknown>,
  args: Record<string, unknown>,
  kind: ItemData["__typename"],
  scope: (item: ItemData) => boolean,
) {
  const repo = repoOf(s);
  return repo ? listItems(repo, kind, args as ItemListArgs, scope) : paginate([], toPageArgs(args));
}
