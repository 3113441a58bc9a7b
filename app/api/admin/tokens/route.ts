import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { createApiToken } from "@/lib/api-tokens/mutations";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { CreateApiTokenInput } from "@/lib/api-tokens/schemas";

export const GET = withRoute("/api/admin/tokens", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ tokens: await listApiTokens() });
});

/** The response carries the secret once; it cannot be read again. */
export const POST = withRoute("/api/admin/tokens", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, CreateApiTokenInput);
  const token = await createApiToken(input, actorId(principal), clientAddress(request));
  return NextResponse.json({ token }, { status: 201, headers: { "cache-control": "no-store" } });
});
