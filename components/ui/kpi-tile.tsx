import {
  compareToPrevious,
  type GoodDirection,
  type KpiStatus,
  type KpiThreshold,
  thresholdStatus,
} from "@/lib/kpi/tile";

// A KPI tile: number + unit, trend, status colour against its threshold, and its definition behind "ⓘ".
const STATUS_BORDER: Record<KpiStatus, string> = {
  ok: "border-t-green-600 dark:border-t-green-500",
  warning: "border-t-amber-500 dark:border-t-amber-400",
  critical: "border-t-red-600 dark:border-t-red-500",
  none: "border-t-neutral-300 dark:border-t-neutral-700",
};
const STATUS_TEXT: Record<Exclude<KpiStatus, "none">, string> = {
  ok: "text-green-800 dark:text-green-300",
  warning: "text-amber-800 dark:text-amber-300",
  critical: "text-red-700 dark:text-red-300",
};
const VERDICT_TEXT = {
  better: "text-green-800 dark:text-green-300",
  worse: "text-red-700 dark:text-red-300",
  same: "text-neutral-600 dark:text-neutral-400",
};

export type KpiTileProps = {
  label: string;
  value: number | null;
  /** Shown after the number ("ms", "%", "req/s"). */
  unit?: string;
  /** The number as text when it needs custom formatting ("closed", "1 h 5 min"); default: value with up to `digits` decimals. */
  display?: string;
  digits?: number;
  /** Exact written definition, shown behind the ⓘ disclosure. */
  definition: React.ReactNode;
  threshold?: KpiThreshold | null;
  /** Overrides the status computed from `threshold`. */
  status?: KpiStatus;
  /** Recent values, oldest first, for a sparkline. */
  trend?: number[];
  /** The previous period's value for a delta, and which direction is good news. */
  previous?: number | null;
  good?: GoodDirection;
  /** e.g. "vs previous 30 days". */
  previousLabel?: string;
  /** Shown instead of the number when value is null. */
  emptyText?: string;
  /** A change worked out elsewhere (e.g. "+3 vs 12 (better)"); replaces the one computed from `previous`. */
  delta?: { text: string; verdict: "better" | "worse" | "same" | null; context?: string };
  /** The threshold in words ("target < 2 d"), shown with the status. */
  targetText?: string;
  /** A small note under the number (sample size, "per repository"). */
  note?: React.ReactNode;
  /** Stable hook for tests and links (`data-kpi`). */
  kpiId?: string;
  /** Test id of the number. */
  testId?: string;
  /** "compact" drops the card frame, for a tile inside another card. */
  variant?: "card" | "compact";
};
const STATUS_WORD: Record<KpiStatus, string> = {
  ok: "on target",
  warning: "warning",
  critical: "critical",
  none: "no data",
};

function TrendLine({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((v, i) => `${((i / (values.length - 1)) * 100).toFixed(2)},${(28 - ((v - min) / span) * 26).toFixed(2)}`)
    .join(" ");
  return (
    <svg
      viewBox="0 0 100 30"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      className="h-8 w-full text-sky-700 dark:text-sky-400"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/** One KPI at a glance; the definition stays exactly as precise as the written one, one click or key away. */
export function KpiTile(props: KpiTileProps) {
  const {
    label,
    value,
    unit,
    digits = 1,
    definition,
    threshold,
    trend,
    previous,
    good = "neutral",
    previousLabel = "vs previous period",
    emptyText = "no data",
    targetText,
    variant = "card",
  } = props;
  const status = props.status ?? thresholdStatus(value, threshold);
  const computed = compareToPrevious(value, previous, good);
  const delta =
    props.delta ??
    (computed && {
      text: computed.text,
      verdict: computed.verdict,
      context: `${previousLabel}${computed.verdict !== "same" ? ` (${computed.verdict})` : ""}`,
    });
  const shown =
    value === null ? null : (props.display ?? value.toLocaleString("en-GB", { maximumFractionDigits: digits }));
  const frame =
    variant === "card"
      ? `rounded-lg border border-t-4 border-neutral-200 bg-white p-4 shadow-sm dark:border-neutral-800 dark:bg-neutral-900 ${STATUS_BORDER[status]}`
      : "";
  return (
    <section
      aria-label={label}
      data-kpi={props.kpiId}
      className={`flex min-w-0 flex-col gap-1 break-inside-avoid ${frame}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-neutral-700 dark:text-neutral-300">{label}</h3>
        {variant === "card" && status !== "none" && (status !== "ok" || targetText) && (
          <span className={`text-xs font-semibold uppercase ${STATUS_TEXT[status]}`}>{STATUS_WORD[status]}</span>
        )}
      </div>
      <p
        className={`text-2xl font-semibold tabular-nums ${variant === "compact" && status !== "none" && status !== "ok" ? STATUS_TEXT[status] : ""}`}
        data-testid={props.testId ?? "kpi-value"}
      >
        {shown === null ? (
          <span className="text-base font-normal text-neutral-600 dark:text-neutral-400">{emptyText}</span>
        ) : (
          <>
            {shown}
            {unit && !props.display && (
              <span className="ml-1 text-sm font-normal text-neutral-600 dark:text-neutral-400">{unit}</span>
            )}
          </>
        )}
      </p>
      {delta && (
        <p className="text-xs" data-testid="kpi-delta">
          <span
            className={`font-medium ${delta.verdict ? VERDICT_TEXT[delta.verdict] : "text-neutral-600 dark:text-neutral-400"}`}
          >
            {delta.text}
          </span>
          {delta.context && <span className="text-neutral-600 dark:text-neutral-400"> {delta.context}</span>}
        </p>
      )}
      {targetText && <p className="text-xs text-neutral-600 dark:text-neutral-400">{targetText}</p>}
      {props.note && <p className="text-xs text-neutral-600 dark:text-neutral-400">{props.note}</p>}
      {trend && <TrendLine values={trend} label={`${label}: trend of the last ${trend.length} values`} />}
      <details className="group mt-1 text-xs text-neutral-700 dark:text-neutral-300">
        <summary
          aria-label={`Definition of ${label}`}
          className="inline-flex w-fit cursor-pointer list-none items-center gap-1 rounded text-neutral-600 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-neutral-400 dark:hover:text-neutral-100 [&::-webkit-details-marker]:hidden"
        >
          <InfoIcon />
          Definition
        </summary>
        <div className="mt-1 leading-relaxed">{definition}</div>
      </details>
    </section>
  );
}

// The "ⓘ" as a drawn circle-i: the character itself is missing from many systems' fonts (it showed as
// an empty box in Debian's Chromium), and an icon keeps its size with the text's.
function InfoIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor">
      <circle cx="8" cy="8" r="6.5" strokeWidth="1.3" />
      <path d="M8 7.2v4" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="8" cy="4.9" r="0.9" fill="currentColor" stroke="none" />
    </svg>
  );
}
