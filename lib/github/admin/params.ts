// The `[id]` segment of repository routes: a uuid, else 404 (never a database error).
import { routeId, type IdContext } from "@/lib/http/route-params";

export type RepositoryContext = IdContext;

export function repositoryId(context: RepositoryContext): Promise<string> {
  return routeId(context, "repository");
}
