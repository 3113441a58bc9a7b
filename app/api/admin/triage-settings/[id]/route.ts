import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { repositoryId, type RepositoryContext } from "@/lib/github/admin/params";
import { TriageConfig } from "@/lib/triage/schemas";
import { getTriageConfig, saveTriageConfig } from "@/lib/triage/settings";
import { rebuildAllTriageOutcomes } from "@/lib/triage/outcomes";

/** A repository's triage settings (defaults when none are stored). */
export const GET = withRoute(
  "/api/admin/triage-settings/[id]",
  async (request: NextRequest, context: RepositoryContext) => {
    await requirePrincipal(request, "admin");
    return NextResponse.json({ config: await getTriageConfig(await repositoryId(context)) });
  },
);

/** Replaces a repository's triage settings; audited as triage_settings.updated. */
export const PUT = withRoute(
  "/api/admin/triage-settings/[id]",
  async (request: NextRequest, context: RepositoryContext) => {
    const principal = await requirePrincipal(request, "admin");
    const repoId = await repositoryId(context);
    const config = await parseBody(request, TriageConfig);
    const saved = await saveTriageConfig({ actor: actorOf(principal, request) }, { repoId, config });
    await rebuildAllTriageOutcomes([repoId]); // targets and labels decide the stored outcomes
    return NextResponse.json({ config: saved });
  },
);
