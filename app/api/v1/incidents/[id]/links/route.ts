import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { getIncident } from "@/lib/incidents/views/queries";
import { linkRelatedItem, unlinkRelatedItem } from "@/lib/incidents/github/related";
import type { RouteContext } from "@/lib/incidents/http";

const LinkInput = z.object({ ref: z.string().trim().min(1, "Give owner/name#number or a URL.").max(300) });
const UnlinkInput = z.object({ linkId: z.uuid() });

/** Links a synced issue or pull request ({"ref": "owner/name#12"} or its URL); 409 when already linked. */
export const POST = withRoute(
  "/api/v1/incidents/[id]/links",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { id } = await params;
    const input = await parseBody(request, LinkInput);
    await getIncident(id);
    await linkRelatedItem({ actor: actorOf(principal, request) }, id, input.ref);
    return NextResponse.json({ incident: await getIncident(id) }, { status: 201 });
  },
);

/** Removes a link ({"linkId"}); the timeline keeps that it was linked and unlinked. */
export const DELETE = withRoute(
  "/api/v1/incidents/[id]/links",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { id } = await params;
    const input = await parseBody(request, UnlinkInput);
    await getIncident(id);
    await unlinkRelatedItem({ actor: actorOf(principal, request) }, id, input.linkId);
    return NextResponse.json({ incident: await getIncident(id) });
  },
);
