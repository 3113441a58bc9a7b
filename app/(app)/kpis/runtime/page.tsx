import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current";
import { KpiQuery, periodOf } from "@/lib/metrics/schemas";
import { resolveTimeZone } from "@/lib/metrics/queries";
import { getRuntimeTablePage } from "@/lib/metrics/runtime/page";
import { RuntimeDefinitions, RuntimeTable } from "@/components/metrics/runtime-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InvalidFilters } from "@/components/metrics/invalid-filters";

export const metadata: Metadata = { title: "Metrics · Runtime per target" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const Page = z.coerce.number().int().min(1).max(100_000).catch(1);
const link = "text-sky-700 underline dark:text-sky-400";

/** Every health target's runtime KPIs for the Metrics page's period, worst first, 50 per page. */
export default async function RuntimeTargetsPage({ searchParams }: { searchParams: Search }) {
  await requireUser();
  const { page: rawPage, ...raw } = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = KpiQuery.safeParse(raw);
  if (!parsed.success) return <InvalidFilters title="Runtime per target" href="/kpis/runtime" error={parsed.error} />;
  const q = parsed.data;
  const tz = await resolveTimeZone(q.tz ?? null);
  const period = periodOf(q, tz);
  const data = await getRuntimeTablePage({ period, tz, page: Page.parse(rawPage ?? 1) });
  const href = (page: number) => `/kpis/runtime?${new URLSearchParams({ ...raw, page: String(page) })}`;
  const from = (data.page - 1) * 50 + 1;
  return (
    <>
      <PageHeader
        title={`Runtime per target · ${data.label}`}
        description="Each health target's uptime, response times, error rate, throughput and peak memory in the period, worst first (lowest uptime, then highest p95)."
        actions={
          <Link href={`/kpis?${new URLSearchParams(raw)}`} className={link}>
            Back to Metrics
          </Link>
        }
      />
      {data.total === 0 ? (
        <EmptyState title="No health targets">Add a health target to see its runtime KPIs here.</EmptyState>
      ) : (
        <div className="space-y-3">
          <RuntimeTable rows={data.rows} caption={`Runtime KPIs per target, ${data.label}, worst first`} />
          <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="runtime-page">
              {from}–{from + data.rows.length - 1} of {data.total} · page {data.page} of {data.pages}
            </span>
            {data.page > 1 && (
              <Link href={href(data.page - 1)} className={link} rel="prev">
                Previous page
              </Link>
            )}
            {data.page < data.pages && (
              <Link href={href(data.page + 1)} className={link} rel="next">
                Next page
              </Link>
            )}
          </nav>
          <RuntimeDefinitions />
        </div>
      )}
    </>
  );
}
