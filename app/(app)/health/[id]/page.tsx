import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getTargetDetailView } from "@/lib/health/views/detail-view";
import { findHealthTarget } from "@/lib/health/targets/targets";
import { healthKeys } from "@/lib/health/query-keys";
import { DEFAULT_CHART_RANGE, firstParams, SeriesWindowParams, type SeriesWindow } from "@/lib/health/schemas";
import { defaultRangeFor } from "@/lib/health/views/default-range";
import { getTargetSeriesView } from "@/lib/health/views/series-view";
import { TargetDetail } from "@/components/health/target-detail";
import { formatInterval } from "@/components/health/format";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireUser();
  const { id } = await params;
  const target = z.uuid().safeParse(id).success ? await findHealthTarget(id) : null;
  return { title: target ? `Health · ${target.name}` : "Health" };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TargetPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const search = firstParams(await searchParams);
  const parsed = SeriesWindowParams.safeParse(search);
  const queryClient = makeQueryClient();
  const prefetchSeries = (span: SeriesWindow) =>
    queryClient.prefetchQuery({ queryKey: healthKeys.series(id, span), queryFn: () => getTargetSeriesView(id, span) });
  const detailQuery = queryClient.fetchQuery({
    queryKey: healthKeys.target(id),
    queryFn: () => getTargetDetailView(id, user),
  });
  // A window in the URL: read it alongside the detail. None: the default range fits the target's age, known from the detail.
  const hasWindow = "range" in search || "from" in search || "to" in search;
  const [detail] = await Promise.all([
    detailQuery,
    hasWindow ? prefetchSeries(parsed.success ? parsed.data : { range: DEFAULT_CHART_RANGE }) : null,
  ]);
  if (!detail) notFound();
  if (!hasWindow) await prefetchSeries({ range: defaultRangeFor(detail.createdAt) });
  return (
    <>
      <PageHeader
        title={detail.name}
        description={`${detail.serviceGroup} · ${detail.kind} · every ${formatInterval(detail.intervalSeconds)} · slug ${detail.slug}`}
        actions={
          <div className="flex gap-2">
            <Link href="/health" className={buttonClass("secondary")}>
              All targets
            </Link>
            {hasRole(user.role, "admin") && (
              <Link href={`/health/${id}/edit`} className={buttonClass("secondary")}>
                Edit target
              </Link>
            )}
          </div>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TargetDetail id={id} />
      </HydrationBoundary>
    </>
  );
}
