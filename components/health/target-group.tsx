"use client";
import Link from "next/link";
import type { KpiView, OverviewGroupView, OverviewTargetView } from "@/lib/health/overview-view";
import { Sparkline } from "@/components/charts/sparkline";
import { Card } from "@/components/ui/card";
import { formatInterval, formatKpi, formatMoment, formatUptime, valueTone } from "./format";
import { StatusBadge } from "./status-badge";

const th = "px-2 py-2 font-medium";
const defLink = (id: string, text: string) => <a href={`#def-${id}`} className="underline decoration-dotted underline-offset-2">{text}</a>;

/** One service group: its targets, problems first. */
export function TargetGroup({ group }: { group: OverviewGroupView }) {
  return (
    <Card title={`${group.name} (${group.targets.length})`}>
      <div className="-mx-2 overflow-x-auto">
        <table className="w-full min-w-[1080px] table-fixed text-left text-sm">
          <colgroup>
            <col className="w-[14%]" /><col className="w-[7%]" />
            <col className="w-[6%]" /><col className="w-[6%]" /><col className="w-[6%]" /><col className="w-[6%]" />
            <col className="w-[15%]" /><col className="w-[7%]" /><col className="w-[8%]" /><col className="w-[6%]" /><col className="w-[7%]" /><col className="w-[12%]" />
          </colgroup>
          <thead className="text-xs text-neutral-500 dark:text-neutral-400">
            <tr>
              <th rowSpan={2} className={th}>Target</th>
              <th rowSpan={2} className={th}>{defLink("state", "State")}</th>
              <th colSpan={4} scope="colgroup" className={`${th} pb-0`}>{defLink("uptime", "Uptime")}</th>
              <th rowSpan={2} className={th}>{defLink("sparkline", "Response time")}</th>
              <th rowSpan={2} className={th}>{defLink("error_rate_pct", "Error rate")}</th>
              <th rowSpan={2} className={th}>{defLink("throughput_rps", "Throughput")}</th>
              <th rowSpan={2} className={th}>{defLink("memory_pct", "Memory")}</th>
              <th rowSpan={2} className={th}>{defLink("breaker_state", "Breakers")}</th>
              <th rowSpan={2} className={th}>Last check</th>
            </tr>
            <tr>
              {["24 h", "7 d", "30 d", "90 d"].map((w) => <th key={w} scope="col" className={`${th} pt-0.5 font-normal`}>{w}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {group.targets.map((t) => <TargetRow key={t.id} target={t} />)}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function KpiCell({ kpi, view }: { kpi: string; view: KpiView | undefined }) {
  const text = formatKpi(kpi, view?.value);
  if (!view || text === null) return <td className="px-2 py-2 text-neutral-600 dark:text-neutral-400"><span aria-label="not measured">—</span></td>;
  return <td className={`whitespace-nowrap px-2 py-2 tabular-nums ${valueTone(view.level)}`}>{text}{view.level !== "ok" && <span className="sr-only"> ({view.level})</span>}</td>;
}

function TargetRow({ target: t }: { target: OverviewTargetView }) {
  const rt = t.kpis.response_time_ms;
  const last = t.sparkline.at(-1);
  const sparkLabel = last
    ? `Response time over the last hour: ${t.sparkline.length} minutes, from ${formatKpi("response_time_ms", Math.min(...t.sparkline.map((p) => p.ms)))} to ${formatKpi("response_time_ms", Math.max(...t.sparkline.map((p) => p.ms)))}, latest ${formatKpi("response_time_ms", last.ms)}`
    : "No response times in the last hour";
  return (
    <tr data-testid={`target-${t.slug}`} className="align-top">
      <td className="px-2 py-2">
        <Link href={`/health/${t.id}`} className="font-medium text-sky-800 hover:underline dark:text-sky-300">{t.name}</Link>
        <div className="text-xs text-neutral-500 dark:text-neutral-400">{t.kind} · every {formatInterval(t.intervalSeconds)}</div>
      </td>
      <td className="px-2 py-2" data-testid="state"><StatusBadge status={t.status} /></td>
      {t.uptime.map((u) => (
        <td key={u.window} className={`whitespace-nowrap px-2 py-2 tabular-nums ${u.pct === null ? "text-neutral-600 dark:text-neutral-400" : ""}`}>
          {formatUptime(u.pct)}
        </td>
      ))}
      <td className="px-2 py-2">
        <div className="flex items-center gap-2">
          <Sparkline points={t.sparkline} label={sparkLabel} width={96} />
          {rt && rt.value !== null && <span className={`whitespace-nowrap tabular-nums ${valueTone(rt.level)}`}>{formatKpi("response_time_ms", rt.value)}</span>}
        </div>
      </td>
      <KpiCell kpi="error_rate_pct" view={t.kpis.error_rate_pct} />
      <KpiCell kpi="throughput_rps" view={t.kpis.throughput_rps} />
      <KpiCell kpi="memory_pct" view={t.kpis.memory_pct} />
      <td className="px-2 py-2">
        {t.breakers ? (
          <span className={valueTone(t.kpis.breaker_state?.level ?? "ok")}>
            {t.breakers.state}{t.breakers.names.length > 0 && <span className="block text-xs">{t.breakers.names.join(", ")}</span>}
          </span>
        ) : <span className="text-neutral-600 dark:text-neutral-400" aria-label="not measured">—</span>}
      </td>
      <td className="px-2 py-2 text-xs">
        {t.lastCheck ? (
          <>
            <div className="text-neutral-600 dark:text-neutral-400">{formatMoment(t.lastCheck.at)}</div>
            {t.lastCheck.ok ? <div className="text-green-800 dark:text-green-300">passed</div> : <div className="max-w-56 text-red-700 dark:text-red-400">failed: {t.lastCheck.failureMessage ?? t.lastCheck.failureKind}</div>}
          </>
        ) : <span className="text-neutral-500 dark:text-neutral-400">not checked yet</span>}
      </td>
    </tr>
  );
}
