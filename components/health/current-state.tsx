import type { TargetDetailView } from "@/lib/health/views/detail-view";
import type { LastCheckView } from "@/lib/health/views/overview-view";
import { KPI_NAMES } from "@/lib/health/store/thresholds";
import { Card } from "@/components/ui/card";
import { KpiTile } from "@/components/ui/kpi-tile";
import { DEFINITIONS } from "./definitions";
import { formatKpi, formatThresholds, formatUptime, KPI_LABELS, LEVEL_TEXT, valueTone } from "./format";
import { StatusBadge } from "./status-badge";
import { Time } from "@/components/ui/time";

const SHOWN = ["up", ...KPI_NAMES] as const;

/** The newest failure's longer response excerpt: the server sends it to admins only. */
function FailureExcerpt({ text }: { text: string }) {
  return (
    <details className="mt-1" data-testid="failure-excerpt">
      <summary className="cursor-pointer text-xs text-neutral-600 dark:text-neutral-400">
        Response excerpt (admins only)
      </summary>
      <pre className="mt-1 max-h-48 overflow-auto rounded bg-neutral-100 p-2 text-xs break-all whitespace-pre-wrap text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200">
        {text}
      </pre>
    </details>
  );
}

function CheckResult({ check, label, excerpt }: { check: LastCheckView; label: string; excerpt?: string | null }) {
  return (
    <div data-testid={label === "Last check" ? "last-check" : "last-failure"}>
      <dt className="text-xs font-medium text-neutral-500 dark:text-neutral-400">{label}</dt>
      <dd className="mt-1 text-sm">
        <span className={check.ok ? LEVEL_TEXT.ok : LEVEL_TEXT.critical}>{check.ok ? "passed" : "failed"}</span> at{" "}
        <Time value={check.at} mode="absolute" seconds />
        {check.status !== null && <> · HTTP {check.status}</>} · {formatKpi("response_time_ms", check.durationMs)}
        {!check.ok && (
          <p className="mt-1 text-red-700 dark:text-red-400">
            Reason: {check.failureMessage ?? "unknown"}
            {check.failureKind && (
              <span className="text-neutral-500 dark:text-neutral-400"> ({check.failureKind})</span>
            )}
          </p>
        )}
        {!check.ok && excerpt && <FailureExcerpt text={excerpt} />}
      </dd>
    </div>
  );
}

/** What is checked, the current level of every KPI with its thresholds and definition, the last check and uptime. */
export function CurrentState({ detail }: { detail: TargetDetailView }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Now">
        <div className="flex items-center gap-2 text-sm" data-testid="target-state">
          State: <StatusBadge status={detail.status} />
        </div>
        <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">{DEFINITIONS.state}</p>
        <ul className="mt-3 space-y-1 text-sm text-neutral-700 dark:text-neutral-300">
          {detail.checks.map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            level changes after {detail.breachesToChange} consecutive observation
            {detail.breachesToChange === 1 ? "" : "s"}
          </li>
        </ul>
        <dl className="mt-4 space-y-3">
          {detail.lastCheck ? (
            <CheckResult check={detail.lastCheck} label="Last check" excerpt={detail.failureExcerpt} />
          ) : (
            <div>
              <dt className="text-xs font-medium text-neutral-500 dark:text-neutral-400">Last check</dt>
              <dd className="mt-1 text-sm">
                not checked yet
                {detail.nextCheckAt && (
                  <>
                    {" "}
                    · next at <Time value={detail.nextCheckAt} mode="absolute" seconds />
                  </>
                )}
              </dd>
            </div>
          )}
          {detail.lastFailure && detail.lastCheck?.ok && (
            <CheckResult check={detail.lastFailure} label="Last failure" excerpt={detail.failureExcerpt} />
          )}
        </dl>
      </Card>
      <Card title="KPIs">
        <dl className="space-y-3">
          {SHOWN.filter((kpi) => detail.kind !== "http" || kpi === "up" || kpi === "response_time_ms").map((kpi) => {
            const view = detail.kpis[kpi];
            const value =
              kpi === "breaker_state" && detail.breakers
                ? `${detail.breakers.state}${detail.breakers.names.length ? ` (${detail.breakers.names.join(", ")})` : ""}`
                : formatKpi(kpi, view?.value);
            return (
              <div key={kpi} data-testid={`kpi-${kpi}`}>
                <dt className="flex items-center justify-between gap-2 text-sm font-medium">
                  {KPI_LABELS[kpi]}
                  {view ? (
                    <StatusBadge status={view.level} />
                  ) : (
                    <span className="text-xs font-normal text-neutral-500 dark:text-neutral-400">not measured</span>
                  )}
                </dt>
                <dd className="text-sm">
                  {value !== null && view && <span className={`tabular-nums ${valueTone(view.level)}`}>{value}</span>}
                  {view?.since && (
                    <span className="text-xs text-neutral-500 dark:text-neutral-400">
                      {" "}
                      · since <Time value={view.since} mode="absolute" seconds />
                    </span>
                  )}
                  {kpi !== "up" && (
                    <span className="block text-xs text-neutral-500 dark:text-neutral-400">
                      {formatThresholds(kpi, detail.thresholds[kpi])}
                      {detail.thresholds[kpi].overridden && " (set for this target)"}
                    </span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </Card>
      <Card title="Uptime">
        <div className="grid grid-cols-2 gap-4">
          {detail.uptime.map((u) => (
            <div key={u.window} data-testid={`uptime-${u.window}`}>
              <KpiTile
                variant="compact"
                label={`Last ${u.window.replace("h", " h").replace("d", " d")}`}
                value={u.pct}
                display={formatUptime(u.pct)}
                emptyText={formatUptime(null)}
                note={`${u.checks} check${u.checks === 1 ? "" : "s"}${u.maintenance > 0 ? ` · ${u.maintenance} in maintenance` : ""}`}
                definition={DEFINITIONS.uptime}
              />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
