import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { tickItem, undoTick } from "@/lib/runbooks/store/runs";
import { parseId } from "@/lib/runbooks/http";
import { TickInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string; itemId: string }> };

/** Tick (done) or skip one item of a run, with an optional note. Maintainers and admins only. */
export const POST = withRoute(
  "/api/v1/checklist-runs/[id]/items/[itemId]",
  async (request: NextRequest, context: Context) => {
    const principal = await requirePrincipal(request, "maintainer");
    const params = await context.params;
    const input = await parseBody(request, TickInput);
    const c = await tickItem(
      { actor: actorOf(principal, request) },
      { runId: parseId(params.id, "run"), itemId: parseId(params.itemId, "item") },
      input,
    );
    return NextResponse.json({ status: c?.status, at: c?.at, byName: c?.byName, note: c?.note }, { status: 201 });
  },
);

/** Undo a tick (un-tick): the completion stays in the record, marked undone by whom and when. Audited. */
export const DELETE = withRoute(
  "/api/v1/checklist-runs/[id]/items/[itemId]",
  async (request: NextRequest, context: Context) => {
    const principal = await requirePrincipal(request, "maintainer");
    const params = await context.params;
    const row = await undoTick(
      { actor: actorOf(principal, request) },
      { runId: parseId(params.id, "run"), itemId: parseId(params.itemId, "item") },
    );
    return NextResponse.json({ undone: true, undoneAt: row.undoneAt, undoneBy: row.undoneByName });
  },
);
