"use client";
import Link from "next/link";
import type { KpiView, OverviewGroupView, OverviewTargetView } from "@/lib/health/views/overview-view";
import { RECENT_CHECKS_LABEL } from "@/lib/health/views/timeline-labels";
import { Sparkline } from "@/components/charts/sparkline";
import { StatusTimeline } from "@/components/charts/status-timeline";
import { Time } from "@/components/ui/time";
import { formatInterval, formatKpi, formatUptime, valueTone } from "./format";
import { StatusBadge } from "./status-badge";
import { overviewHref } from "./overview-nav";

const muted = "text-neutral-600 dark:text-neutral-400";
const WINDOW_LABEL: Record<string, string> = { "24h": "24 h", "7d": "7 d", "30d": "30 d", "90d": "90 d" };

/**
 * One service group, collapsible, problems first; each target as a row that stacks on phones.
 * `partial`: the cards are a filtered page of the group (the summary counts the whole group).
 */
export function TargetGroup({ group, partial, size }: { group: OverviewGroupView; partial: boolean; size: number }) {
  const problems = group.counts.critical + group.counts.warning;
  const hidden = group.total - group.targets.length;
  return (
    <details
      open
      className="group/g rounded-lg border border-neutral-200 bg-white shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <summary className="flex cursor-pointer list-none items-center gap-3 px-4 py-3 sm:px-5 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="text-xs transition-transform group-open/g:rotate-90">
          ▶
        </span>
        <h2 className="text-base font-semibold">{group.name}</h2>
        <span className={`text-sm ${muted}`}>
          {`${partial && hidden > 0 ? `${group.targets.length} of ` : ""}${group.total} target${group.total === 1 ? "" : "s"}`}
        </span>
        {problems > 0 && <StatusBadge status={group.status} />}
      </summary>
      <ul className="divide-y divide-neutral-200 border-t border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
        {group.targets.map((t) => (
          <TargetRow key={t.id} target={t} />
        ))}
      </ul>
      {partial && hidden > 0 && (
        <p className={`border-t border-neutral-200 px-4 py-2 text-sm sm:px-5 dark:border-neutral-800 ${muted}`}>
          <Link href={overviewHref({ group: group.name, size })} className="text-sky-700 underline dark:text-sky-400">
            All {group.total} targets of {group.name}
          </Link>
        </p>
      )}
    </details>
  );
}

function Kpi({ label, kpi, view }: { label: string; kpi: string; view: KpiView | undefined }) {
  const text = formatKpi(kpi, view?.value);
  if (!view || text === null) return null;
  return (
    <div>
      <dt className={muted}>{label}</dt>
      <dd className={`tabular-nums ${valueTone(view.level)}`}>
        {text}
        {view.level !== "ok" && <span className="sr-only"> ({view.level})</span>}
      </dd>
    </div>
  );
}

function TargetRow({ target: t }: { target: OverviewTargetView }) {
  const rt = t.kpis.response_time_ms;
  const last = t.sparkline.at(-1);
  const sparkLabel = last
    ? `Response time over the last hour: ${t.sparkline.length} minutes, from ${formatKpi("response_time_ms", Math.min(...t.sparkline.map((p) => p.ms)))} to ${formatKpi("response_time_ms", Math.max(...t.sparkline.map((p) => p.ms)))}, latest ${formatKpi("response_time_ms", last.ms)}`
    : "No response times in the last hour";
  return (
    <li
      data-testid={`target-${t.slug}`}
      className="grid gap-x-6 gap-y-3 px-4 py-3 sm:px-5 lg:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_minmax(0,21rem)] lg:items-center"
    >
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/health/${t.id}`}
            className="break-words font-medium text-sky-800 hover:underline dark:text-sky-300"
          >
            {t.name}
          </Link>
          <span data-testid="state">
            <StatusBadge status={t.status} />
          </span>
        </div>
        <p className={`mt-0.5 text-xs ${muted}`}>
          {t.kind} · every {formatInterval(t.intervalSeconds)} ·{" "}
          {t.lastCheck ? (
            <>
              checked <Time value={t.lastCheck.at} />
              {!t.lastCheck.ok && (
                <span className="text-red-700 dark:text-red-300">
                  {" "}
                  — failed: {t.lastCheck.failureMessage ?? t.lastCheck.failureKind}
                </span>
              )}
            </>
          ) : (
            "not checked yet"
          )}
        </p>
      </div>
      <div className="min-w-0">
        <StatusTimeline segments={t.recent} label={`${t.name}: ${RECENT_CHECKS_LABEL}`} height="sm" />
        <p className={`mt-1 flex justify-between text-[11px] ${muted}`}>
          <span>{RECENT_CHECKS_LABEL}</span>
          <span>now</span>
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-2 text-xs sm:grid-cols-4">
        {t.uptime.map((u) => (
          <div key={u.window}>
            <dt className={muted}>Uptime {WINDOW_LABEL[u.window]}</dt>
            <dd className={`tabular-nums ${u.pct === null ? muted : "font-medium"}`}>{formatUptime(u.pct)}</dd>
          </div>
        ))}
        {rt && rt.value !== null && (
          <div className="col-span-2">
            <dt className={muted}>Response time</dt>
            <dd className="flex items-center gap-2">
              <Sparkline points={t.sparkline} label={sparkLabel} width={72} height={20} />
              <span className={`tabular-nums ${valueTone(rt.level)}`}>{formatKpi("response_time_ms", rt.value)}</span>
            </dd>
          </div>
        )}
        <Kpi label="Errors" kpi="error_rate_pct" view={t.kpis.error_rate_pct} />
        <Kpi label="Throughput" kpi="throughput_rps" view={t.kpis.throughput_rps} />
        <Kpi label="Memory" kpi="memory_pct" view={t.kpis.memory_pct} />
        {t.breakers && (
          <div>
            <dt className={muted}>Breakers</dt>
            <dd className={valueTone(t.kpis.breaker_state?.level ?? "ok")}>
              {t.breakers.state}
              {t.breakers.names.length > 0 && <span className="block">{t.breakers.names.join(", ")}</span>}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}
