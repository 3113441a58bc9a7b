import { GitHubError } from "../connection";
import type { GeneratedRepo } from "../types";
import type { ResolverMap, ServerContext } from "./context";

export const str = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));

export function findRepo(ctx: ServerContext, owner: string, name: string): GeneratedRepo | undefined {
  const key = `${owner}/${name}`.toLowerCase();
  return ctx.repos.find((r) => r.nameWithOwner.toLowerCase() === key);
}

const notFound = (message: string) => new GitHubError(message, "NOT_FOUND");

export const queryResolvers: ResolverMap = {
  Query: {
    repository: (_s, args, ctx) => {
      const repo = findRepo(ctx, str(args.owner), str(args.name));
      if (!repo)
        throw notFound(`Could not resolve to a Repository with the name '${str(args.owner)}/${str(args.name)}'.`);
      return repo;
    },
    node: (_s, args, ctx) => {
      const found = ctx.nodes.find(str(args.id));
      if (!found) throw notFound(`Could not resolve to a node with the global id of '${str(args.id)}'`);
      return found;
    },
    // A missing id nulls its entry and adds an error at ["nodes", i], as on GitHub.
    nodes: (_s, args, ctx) =>
      (Array.isArray(args.ids) ? args.ids : []).map(
        (id) => ctx.nodes.find(str(id)) ?? notFound(`Could not resolve to a node with the global id of '${str(id)}'.`),
      ),
    rateLimit: (_s, _a, ctx) => ctx.rateLimit,
    viewer: (_s, _a, ctx) => ctx.viewer,
    user: (_s, args, ctx) => {
      const login = str(args.login).toLowerCase();
      const user = ctx.repos
        .flatMap((r) => r.actors)
        .find((a) => a.__typename === "User" && a.login.toLowerCase() === login);
      if (!user) throw notFound(`Could not resolve to a User with the login of '${str(args.login)}'.`);
      return user;
    },
    organization: (_s, args, ctx) => {
      const owner = ctx.repos.find((r) => r.owner.login.toLowerCase() === str(args.login).toLowerCase())?.owner;
      if (!owner) throw notFound(`Could not resolve to an Organization with the login of '${str(args.login)}'.`);
      return owner;
    },
    repositoryOwner: (_s, args, ctx) =>
      ctx.repos.find((r) => r.owner.login.toLowerCase() === str(args.login).toLowerCase())?.owner ?? null,
  },
  Organization: {
    repository: (source, args, ctx) => findRepo(ctx, str(source.login), str(args.name)) ?? null,
  },
};
