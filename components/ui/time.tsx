"use client";
import { createContext, useContext, useSyncExternalStore } from "react";
import { formatAbsolute, formatRelative, type TimeInput, toDate } from "@/lib/time/format";

// The team's IANA time zone for every <Time> below it (Settings → Team; "UTC" until one is set).
const TimeZoneContext = createContext("UTC");

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The zone <Time> renders in: the prop, else the provider's, else UTC. */
export function useTimeZone(override?: string): string {
  const zone = useContext(TimeZoneContext);
  return override ?? zone;
}

// Shared ticking clocks, one per interval (15 s for relative texts, 1 s for countdowns), so live texts stay
// fresh without a timer per element.
const TICK_MS = 15_000;
type Clock = { now: number; subscribe: (listener: () => void) => () => void; snapshot: () => number };
const clocks = new Map<number, Clock>();

function clockOf(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const clock: Clock = {
    now: Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      if (!timer)
        timer = setInterval(() => {
          clock.now = Date.now();
          listeners.forEach((l) => l());
        }, intervalMs);
      clock.now = Date.now();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    snapshot: () => clock.now,
  };
  clocks.set(intervalMs, clock);
  return clock;
}

const onServer = () => null;

/**
 * Now in the browser, ticking every `intervalMs`; null during server rendering and hydration, so both render
 * the same text. (A clock read while rendering made the server's text differ from the browser's: React then
 * discards the server's HTML, error #418, and a click in that moment is lost.)
 */
export function useNow(intervalMs = TICK_MS): number | null {
  const clock = clockOf(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.snapshot, onServer);
}

type TimeProps = {
  value: TimeInput;
  /** "relative" (default): "3 min ago"; "absolute": "2026-11-30 18:03 UTC". */
  mode?: "relative" | "absolute";
  /** Show seconds in the visible absolute text (the hover/focus text always has them). */
  seconds?: boolean;
  timeZone?: string;
  className?: string;
};

/** A moment: relative or absolute text, the exact time with seconds on hover and focus, read out to screen readers. */
export function Time({ value, mode = "relative", seconds = false, timeZone, className = "" }: TimeProps) {
  const zone = useTimeZone(timeZone);
  const now = useNow();
  const date = toDate(value);
  const exact = formatAbsolute(date, { timeZone: zone, seconds: true });
  const visible =
    mode === "absolute" || now === null
      ? formatAbsolute(date, { timeZone: zone, seconds })
      : formatRelative(date, now, zone);
  if (visible === exact)
    return (
      <time dateTime={date.toISOString()} className={className}>
        {visible}
      </time>
    );
  return (
    <time
      dateTime={date.toISOString()}
      tabIndex={0}
      className={`group relative cursor-help underline decoration-dotted decoration-neutral-400 underline-offset-2 ${className}`}
    >
      <span aria-hidden="true">{visible}</span>
      <span className="sr-only">{`${visible}, ${exact}`}</span>
      <span
        aria-hidden="true"
        className="pointer-events-none absolute bottom-full left-0 z-20 mb-1 hidden whitespace-nowrap rounded bg-neutral-900 px-2 py-1 text-xs font-normal text-white shadow group-hover:block group-focus:block dark:bg-neutral-100 dark:text-neutral-900"
      >
        {exact}
      </span>
    </time>
  );
}
