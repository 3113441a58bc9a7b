import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { createUser } from "@/lib/users/mutations";
import { listUsers } from "@/lib/users/queries";
import { CreateUserInput } from "@/lib/users/schemas";

export const GET = withRoute("/api/admin/users", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ users: await listUsers() });
});

export const POST = withRoute("/api/admin/users", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, CreateUserInput);
  const user = await createUser(input, actorId(principal), clientAddress(request));
  return NextResponse.json({ user }, { status: 201 });
});
