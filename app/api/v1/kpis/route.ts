import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { validationError } from "@/lib/errors";
import { KpiQuery, periodOf } from "@/lib/metrics/schemas";
import { getKpiReport, resolveTimeZone } from "@/lib/metrics/queries";

/** KPIs of one period with the previous period and targets (session or API token, any role). */
export const GET = withRoute("/api/v1/kpis", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const parsed = KpiQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const tz = await resolveTimeZone(parsed.data.tz ?? null);
  const report = await getKpiReport({
    repo: parsed.data.repo ?? null,
    period: periodOf(parsed.data, tz),
    tz,
  });
  return NextResponse.json({
    repo: report.repo,
    window: { start: report.window.start, end: report.window.end, tz: report.window.tz },
    kpis: report.kpis,
  });
});
