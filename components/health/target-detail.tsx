"use client";
import { useSearchParams } from "next/navigation";
import { useTargetDetailQuery, LIVE_REFRESH_MS } from "@/lib/health/hooks";
import { windowSearch } from "@/lib/health/query-keys";
import { DEFAULT_CHART_RANGE, SeriesWindowParams, type SeriesWindow } from "@/lib/health/schemas";
import { defaultRangeFor } from "@/lib/health/views/default-range";
import { AlertHistory } from "./alert-history";
import { Availability } from "./availability";
import { CurrentState } from "./current-state";
import { Time } from "@/components/ui/time";
import { LiveStatus } from "./live-status";
import { RangePicker } from "./range-picker";
import { TargetCharts } from "./target-charts";

/** The chart window from the URL; without one, a range fitting the target's age; an unreadable link falls back to 24 h, and says so. */
function useChartWindow(createdAt: string | undefined): { span: SeriesWindow; invalid: boolean } {
  const params = useSearchParams();
  if (!params.has("range") && !params.has("from") && !params.has("to") && createdAt)
    return { span: { range: defaultRangeFor(createdAt) }, invalid: false };
  const parsed = SeriesWindowParams.safeParse(Object.fromEntries(params));
  return parsed.success
    ? { span: parsed.data, invalid: false }
    : { span: { range: DEFAULT_CHART_RANGE }, invalid: true };
}

export function TargetDetail({ id }: { id: string }) {
  const query = useTargetDetailQuery(id);
  const detail = query.data;
  const { span, invalid } = useChartWindow(detail?.createdAt);
  if (!detail) return <LiveStatus query={query} what="target" />;
  // pushState keeps the choice in the URL without a server round trip; Next.js syncs useSearchParams.
  const choose = (next: SeriesWindow) => window.history.pushState(null, "", `?${windowSearch(next)}`);
  return (
    <div className="space-y-6">
      <p className="text-xs text-neutral-500 dark:text-neutral-400">
        Updated <Time value={detail.generatedAt} mode="absolute" seconds /> · refreshes every {LIVE_REFRESH_MS / 1000} s
        {query.error && (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
            Refresh failed: {query.error.message}
          </span>
        )}
      </p>
      <CurrentState detail={detail} />
      <Availability detail={detail} />
      <section aria-labelledby="charts-heading" className="space-y-4">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Charts
        </h2>
        <RangePicker value={span} onChange={choose} />
        {invalid && (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            The time range in this link could not be read; showing the last 24 hours.
          </p>
        )}
        <TargetCharts id={id} span={span} detail={detail} />
      </section>
      <AlertHistory alerts={detail.alerts} limit={detail.alertLimit} breachesToChange={detail.breachesToChange} />
    </div>
  );
}
