import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { importRunbook } from "@/lib/runbooks/store/save-import";
import { readImportRequest } from "@/lib/runbooks/http";
import { ImportInput } from "@/lib/runbooks/schemas";
import { listRunbookViews } from "@/lib/runbooks/views/runbooks";

/** Every runbook with its sections, cadences and items. */
export const GET = withRoute("/api/v1/runbooks", async (request: NextRequest) => {
  await requirePrincipal(request);
  return NextResponse.json({ runbooks: await listRunbookViews() });
});

/** Imports a runbook (or re-imports one: `runbookId`), with optional cadence and check edits; `activate` starts its schedule. */
export const POST = withRoute("/api/v1/runbooks", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "maintainer");
  const input = await readImportRequest(request, ImportInput);
  const outcome = await importRunbook({ actor: actorOf(principal, request) }, input);
  return NextResponse.json(outcome, { status: outcome.created ? 201 : 200 });
});
