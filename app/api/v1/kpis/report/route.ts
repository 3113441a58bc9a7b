import type { NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { validationError } from "@/lib/errors";
import { ReportQuery, periodOf } from "@/lib/metrics/schemas";
import { getMetricsView, resolveTimeZone } from "@/lib/metrics/queries";
import { renderCsv, renderMarkdown } from "@/lib/metrics/report";

/** The metrics review as a Markdown download (YYYY-MM.md), or one of the page's tables as CSV. */
export const GET = withRoute("/api/v1/kpis/report", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const parsed = ReportQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const { format, table, ...query } = parsed.data;
  const tz = await resolveTimeZone(query.tz ?? null);
  const view = await getMetricsView({
    repo: query.repo ?? null,
    period: periodOf(query, tz),
    tz,
  });
  const base = view.window.label.replace(/[^\w.-]+/g, "_");
  const [body, type, name] =
    format === "md"
      ? [renderMarkdown(view, new Date()), "text/markdown; charset=utf-8", `${base}.md`]
      : [renderCsv(view, table), "text/csv; charset=utf-8", `${base}-${table}.csv`];
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
