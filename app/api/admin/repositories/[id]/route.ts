import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { deleteRepository, setRepositoryEnabled } from "@/lib/github/admin/mutations";
import { repositoryId, type RepositoryContext } from "@/lib/github/admin/params";
import { UpdateRepositoryInput } from "@/lib/github/admin/schemas";

/** Pauses (enabled: false) or resumes scheduled syncs of a repository. */
export const PATCH = withRoute(
  "/api/admin/repositories/[id]",
  async (request: NextRequest, context: RepositoryContext) => {
    const principal = await requirePrincipal(request, "admin");
    const id = await repositoryId(context);
    const { enabled } = await parseBody(request, UpdateRepositoryInput);
    const repo = await setRepositoryEnabled(id, enabled, actorOf(principal, request));
    return NextResponse.json({ repository: { id: repo.id, enabled: repo.enabled } });
  },
);

/** Removes the repository and all data synced from it. */
export const DELETE = withRoute(
  "/api/admin/repositories/[id]",
  async (request: NextRequest, context: RepositoryContext) => {
    const principal = await requirePrincipal(request, "admin");
    const id = await repositoryId(context);
    await deleteRepository(id, actorOf(principal, request));
    return NextResponse.json({ deleted: true });
  },
);
