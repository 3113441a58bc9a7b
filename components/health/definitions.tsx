// The written definition of every number on the health pages (same wording as the README's
// "KPI definitions"), shown next to the numbers — not only in tooltips.
export const DEFINITIONS = {
  state:
    "A target's state is its worst KPI level: OK, warning or critical. Pending: enabled, nothing observed yet. Disabled: not checked. A level changes only after the target's “breaches to change” consecutive observations agree (no flapping).",
  up: "The last checks of the target: a failed HTTP check, scrape, heartbeat or a missed heartbeat observes critical, a successful one ok.",
  uptime:
    "Successful checks ÷ checks outside maintenance in the window × 100. Checks made while a maintenance window covered the target are counted apart (“in maintenance”), neither up nor down. A window without checks is “no data”, not 0 % or 100 %. Whole hours already rolled up are read from hourly rollups, the rest (partial hours, late samples) from raw samples — the same counts as raw. Before the raw retention (14 days by default) only hourly rollups are left: the start is rounded down to the hour, and an hour touching maintenance counts as maintenance.",
  response_time_ms:
    "HTTP targets: the check's time to a complete response (successful checks only). Prometheus targets: the p95 of http_request_duration_seconds between two scrapes (p50 and p99 are kept too). Push: as sent.",
  sparkline: "Mean response time per minute over the last hour (the scraped p95 for Prometheus targets).",
  error_rate_pct: "5xx responses ÷ all responses between two scrapes × 100.",
  throughput_rps: "Requests between two scrapes ÷ seconds between them.",
  memory_pct: "process_resident_memory_bytes ÷ the target's configured memory limit × 100.",
  breaker_state:
    "The worst circuit breaker: closed, half-open (warning) or open (critical), with the breakers in that state.",
  notMeasured:
    "“—”: the target does not report this KPI (an HTTP check measures only up and response time; error rate, throughput, memory and breakers come from Prometheus scrapes or pushes).",
} as const;

const TERMS: Array<[keyof typeof DEFINITIONS, string]> = [
  ["state", "State"],
  ["up", "Up"],
  ["uptime", "Uptime %"],
  ["response_time_ms", "Response time"],
  ["sparkline", "Response-time sparkline"],
  ["error_rate_pct", "Error rate"],
  ["throughput_rps", "Throughput"],
  ["memory_pct", "Memory"],
  ["breaker_state", "Breakers"],
  ["notMeasured", "Not measured"],
];

/** A disclosure with every definition; `id`s let column headers link to their definition. */
export function KpiDefinitions({ open = false }: { open?: boolean }) {
  return (
    <details
      open={open}
      className="rounded-lg border border-neutral-200 bg-neutral-50 px-4 py-3 text-sm dark:border-neutral-800 dark:bg-neutral-900/60"
    >
      <summary className="cursor-pointer font-medium">Definitions: what each number means</summary>
      <dl className="mt-3 grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
        {TERMS.map(([key, term]) => (
          <div key={key} className="contents">
            <dt id={`def-${key}`} className="font-medium">
              {term}
            </dt>
            <dd className="text-neutral-700 dark:text-neutral-300">{DEFINITIONS[key]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
