import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getTargetDetailView } from "@/lib/health/detail-view";
import { healthKeys } from "@/lib/health/query-keys";
import { DEFAULT_CHART_RANGE, firstParams, SeriesWindowParams } from "@/lib/health/schemas";
import { getTargetSeriesView } from "@/lib/health/series-view";
import { TargetDetail } from "@/components/health/target-detail";
import { formatInterval } from "@/components/health/format";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Health target" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TargetPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const parsed = SeriesWindowParams.safeParse(firstParams(await searchParams));
  const span = parsed.success ? parsed.data : { range: DEFAULT_CHART_RANGE };
  const queryClient = makeQueryClient();
  // Independent reads run in parallel.
  const [detail] = await Promise.all([
    queryClient.fetchQuery({ queryKey: healthKeys.target(id), queryFn: () => getTargetDetailView(id) }),
    queryClient.prefetchQuery({ queryKey: healthKeys.series(id, span), queryFn: () => getTargetSeriesView(id, span) }),
  ]);
  if (!detail) notFound();
  return (
    <>
      <PageHeader
        title={detail.name}
        description={`${detail.serviceGroup} · ${detail.kind} · every ${formatInterval(detail.intervalSeconds)} · slug ${detail.slug}`}
        actions={
          <div className="flex gap-2">
            <Link href="/health" className={buttonClass("secondary")}>All targets</Link>
            {hasRole(user.role, "admin") && <Link href={`/health/${id}/edit`} className={buttonClass("secondary")}>Edit target</Link>}
          </div>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TargetDetail id={id} />
      </HydrationBoundary>
    </>
  );
}
