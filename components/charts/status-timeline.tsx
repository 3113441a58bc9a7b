"use client";
import { useId, useState } from "react";
import { describeCounts, SEGMENT_LABELS, type Segment, type SegmentState } from "@/lib/charts/status-timeline";
import { formatAbsolute } from "@/lib/time/format";
import { useTimeZone } from "@/components/ui/time";

// Segment colours; maintenance and pending are hatched so they differ from the rest without colour.
export const SEGMENT_CLASSES: Record<SegmentState, string> = {
  ok: "bg-green-600 dark:bg-green-500",
  warning: "bg-amber-400 dark:bg-amber-400",
  critical: "bg-red-600 dark:bg-red-500",
  no_data: "bg-neutral-200 dark:bg-neutral-700",
  maintenance: "bg-sky-400 bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgba(255,255,255,.45)_3px_5px)]",
  pending:
    "bg-neutral-300 bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgba(255,255,255,.6)_3px_5px)] dark:bg-neutral-600",
};

function describe(segment: Segment, timeZone: string): string {
  const start = formatAbsolute(segment.from, { timeZone, seconds: true });
  const when =
    segment.from === segment.to
      ? start
      : `${start} – ${formatAbsolute(segment.to, { timeZone, seconds: true, zone: false })}`;
  const value = segment.value ? ` · ${segment.value}` : "";
  return `${when}: ${SEGMENT_LABELS[segment.state]}${segment.counts.ok + segment.counts.warning + segment.counts.critical > 0 ? ` (${describeCounts(segment)})` : ""}${value}`;
}

type Props = {
  segments: Segment[];
  /** What the bar shows, e.g. "api-prod: last 60 checks"; names the list for screen readers. */
  label: string;
  height?: "sm" | "md";
  timeZone?: string;
};

/** Coloured segments oldest → newest; hover, or focus and the arrow keys, show each one's time, state and value. */
export function StatusTimeline({ segments, label, height = "md", timeZone }: Props) {
  const zone = useTimeZone(timeZone);
  const [active, setActive] = useState<number | null>(null);
  const tipId = useId();
  const move = (delta: number) =>
    setActive((i) => Math.max(0, Math.min(segments.length - 1, (i ?? segments.length) + delta)));
  function onKeyDown(e: React.KeyboardEvent) {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => move(-1),
      ArrowRight: () => move(1),
      Home: () => setActive(0),
      End: () => setActive(segments.length - 1),
      Escape: () => setActive(null),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  }
  if (segments.length === 0) return null;
  const tip = active === null ? null : describe(segments[active]!, zone);
  return (
    <div className="relative w-full min-w-0">
      <ol
        aria-label={`${label} (arrow keys step through)`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((i) => i ?? segments.length - 1)}
        onBlur={() => setActive(null)}
        onMouseLeave={() => setActive(null)}
        className={`flex w-full gap-px overflow-hidden rounded-sm ${height === "sm" ? "h-4" : "h-7"}`}
      >
        {segments.map((segment, i) => (
          <li
            key={`${segment.from}-${i}`}
            onMouseEnter={() => setActive(i)}
            className={`min-w-0 flex-1 ${SEGMENT_CLASSES[segment.state]} ${active === i ? "outline-2 outline-offset-1 outline-neutral-900 dark:outline-white" : ""}`}
          >
            <span className="sr-only">{describe(segment, zone)}</span>
          </li>
        ))}
      </ol>
      <p
        id={tipId}
        role="status"
        aria-live="polite"
        className={`pointer-events-none absolute left-0 top-full z-20 mt-1 max-w-full rounded bg-neutral-900 px-2 py-1 text-xs text-white shadow dark:bg-neutral-100 dark:text-neutral-900 ${tip ? "" : "sr-only"}`}
      >
        {tip ?? ""}
      </p>
    </div>
  );
}

/** The key to the colours, for one place per page. */
export function StatusLegend({
  states = ["ok", "warning", "critical", "no_data", "pending"],
}: {
  states?: SegmentState[];
}) {
  return (
    <ul
      aria-label="Timeline colours"
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-neutral-600 dark:text-neutral-400"
    >
      {states.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${SEGMENT_CLASSES[s]}`} />
          {SEGMENT_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}
