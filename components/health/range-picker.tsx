"use client";
import { useState } from "react";
import { CHART_RANGES, type SeriesRange, type SeriesWindow } from "@/lib/health/schemas";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useTimeZone } from "@/components/ui/time";
import { fromLocalInput as parseLocal, toLocalInput as formatLocal } from "@/lib/time/format";

const LABELS: Record<SeriesRange, string> = {
  "1h": "1 h",
  "6h": "6 h",
  "24h": "24 h",
  "7d": "7 d",
  "30d": "30 d",
  "90d": "90 d",
  "365d": "1 year",
};

// Typed as "2026-11-21 12:00" (24-hour, ISO-like) in the team's zone: a datetime-local input follows the browser's
// locale and shows a 12-hour US clock in many browsers.
const DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}$";

/** Preset ranges and a custom from/to in the team's time zone. The caller keeps the choice in the URL. */
export function RangePicker({ value, onChange }: { value: SeriesWindow; onChange: (span: SeriesWindow) => void }) {
  const zone = useTimeZone();
  const toLocalInput = (d: Date) => formatLocal(d, zone).replace("T", " ");
  const fromLocalInput = (s: string) => (s.trim() === "" ? null : parseLocal(s.trim().replace(" ", "T"), zone));
  const custom = !("range" in value);
  const [open, setOpen] = useState(custom);
  const [from, setFrom] = useState(custom ? toLocalInput(value.from) : "");
  const [to, setTo] = useState(custom ? toLocalInput(value.to) : "");
  const [error, setError] = useState<string | null>(null);
  const pill = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-sky-700 text-white" : "text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800"}`;

  /** Opening the form the first time proposes the last 24 hours. */
  function toggleCustom() {
    if (!open && from === "" && to === "") {
      const now = Date.now();
      setFrom(toLocalInput(new Date(now - 86_400_000)));
      setTo(toLocalInput(new Date(now)));
    }
    setOpen(!open);
  }

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const f = fromLocalInput(from);
    const t = fromLocalInput(to);
    if (!f || !t || Number.isNaN(f.getTime()) || Number.isNaN(t.getTime()))
      return setError("Enter both a start and an end as YYYY-MM-DD HH:MM.");
    if (f >= t) return setError("The end must be after the start.");
    if (t.getTime() - f.getTime() > 400 * 86_400_000) return setError("A custom range may span at most 400 days.");
    setError(null);
    onChange({ from: f, to: t });
  }

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Time range" className="flex flex-wrap items-center gap-1">
        {CHART_RANGES.map((range) => (
          <button
            key={range}
            type="button"
            aria-pressed={"range" in value && value.range === range}
            className={pill("range" in value && value.range === range)}
            onClick={() => {
              setOpen(false);
              onChange({ range });
            }}
          >
            {LABELS[range]}
          </button>
        ))}
        <button
          type="button"
          aria-expanded={open}
          aria-pressed={custom}
          className={pill(custom)}
          onClick={toggleCustom}
        >
          Custom…
        </button>
      </div>
      {open && (
        <form onSubmit={apply} className="flex flex-wrap items-end gap-3" aria-label="Custom time range">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">From ({zone})</span>
            <input
              type="text"
              inputMode="numeric"
              placeholder="YYYY-MM-DD HH:MM"
              pattern={DATE_TIME}
              className={`${inputClass} w-44 font-mono`}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-describedby={error ? "range-error" : "range-format"}
            />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">To ({zone})</span>
            <input
              type="text"
              inputMode="numeric"
              placeholder="YYYY-MM-DD HH:MM"
              pattern={DATE_TIME}
              className={`${inputClass} w-44 font-mono`}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-describedby={error ? "range-error" : "range-format"}
            />
          </label>
          <Button type="submit" variant="secondary">
            Show range
          </Button>
          <p id="range-format" className="w-full text-xs text-neutral-600 dark:text-neutral-400">
            24-hour time, e.g. 2026-11-21 14:30, in {zone}.
          </p>
          {error && (
            <p id="range-error" role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
