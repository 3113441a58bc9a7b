import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { repositoryId, type RepositoryContext } from "@/lib/github/admin/params";
import { getSyncHistoryView } from "@/lib/github/admin/views";
import { requestSyncNow } from "@/lib/github/admin/mutations";

/** The repository's sync runs, newest first, with the live progress of a running one. */
export const GET = withRoute(
  "/api/repositories/[id]/sync",
  async (request: NextRequest, context: RepositoryContext) => {
    await requirePrincipal(request, "viewer");
    const view = await getSyncHistoryView(await repositoryId(context));
    if (!view) throw new ApiError(404, "not_found", "No such repository.");
    return NextResponse.json(view);
  },
);

/** "Sync now": queues a sync (at most one waits per repository). */
export const POST = withRoute(
  "/api/repositories/[id]/sync",
  async (request: NextRequest, context: RepositoryContext) => {
    await requirePrincipal(request, "maintainer");
    const result = await requestSyncNow(await repositoryId(context));
    return NextResponse.json(result, { status: 202 });
  },
);
