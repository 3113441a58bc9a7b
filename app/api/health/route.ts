import { NextResponse } from "next/server";
import { withRoute } from "@/lib/route";
import { getHealthReport } from "@/lib/system/health";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Public liveness probe: 200 when the database answers, 503 when it does not. */
export const GET = withRoute("/api/health", async () => {
  const report = await getHealthReport(packageJson.version);
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
