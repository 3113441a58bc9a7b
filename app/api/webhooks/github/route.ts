import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { receiveWebhook } from "@/lib/github/webhooks/receive";
import { withRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** GitHub webhooks. Public, authenticated by X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET); work is queued. */
export const POST = withRoute("/api/webhooks/github", async (request: NextRequest) => {
  const receipt = await receiveWebhook(request);
  if ("code" in receipt) throw new ApiError(receipt.status, receipt.code, receipt.message);
  return NextResponse.json({ status: receipt.result }, { status: receipt.status });
});
