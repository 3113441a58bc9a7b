import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export type FilterState = {
  view: "month" | "quarter" | "range";
  month: string;
  quarter: string;
  from: string;
  to: string;
  /** The window's first and last local day, for the range picker. */
  fromDate: string;
  toDate: string;
  repo: string;
  tz: string | null;
};

const field =
  "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900";

/** A plain GET form: every filter lives in the URL, so a link reproduces the view (no script needed). */
export function MetricsFilters({
  state,
  repositories,
  prevHref,
  nextHref,
}: {
  state: FilterState;
  repositories: string[];
  prevHref: string | null;
  nextHref: string | null;
}) {
  return (
    <form
      method="get"
      action="/kpis"
      aria-label="Metrics filters"
      className="mb-6 flex flex-wrap items-end gap-3 print:hidden"
    >
      <nav aria-label="View" className="flex gap-1">
        {(["month", "quarter", "range"] as const).map((v) => (
          <Link
            key={v}
            href={`/kpis?${new URLSearchParams({ ...(v === "month" ? { month: state.month } : v === "quarter" ? { quarter: state.quarter } : { from: state.from, to: state.to }), ...(state.repo ? { repo: state.repo } : {}), ...(state.tz ? { tz: state.tz } : {}) })}`}
            aria-current={state.view === v ? "page" : undefined}
            className={buttonClass(state.view === v ? "primary" : "secondary", "py-1.5")}
          >
            {v === "month" ? "Monthly" : v === "quarter" ? "Quarterly" : "Any range"}
          </Link>
        ))}
      </nav>
      {state.view === "month" && (
        <label className="flex flex-col text-xs font-medium">
          Month
          <input type="month" name="month" defaultValue={state.month} required className={field} />
        </label>
      )}
      {state.view === "quarter" && (
        <label className="flex flex-col text-xs font-medium">
          Quarter
          <input
            name="quarter"
            defaultValue={state.quarter}
            pattern="\d{4}-Q[1-4]"
            placeholder="2026-Q1"
            required
            className={field}
          />
        </label>
      )}
      {state.view === "range" && (
        <>
          <label className="flex flex-col text-xs font-medium">
            From
            <input type="date" name="fromDate" defaultValue={state.fromDate} required className={field} />
          </label>
          <label className="flex flex-col text-xs font-medium">
            To (included)
            <input type="date" name="toDate" defaultValue={state.toDate} required className={field} />
          </label>
        </>
      )}
      <label className="flex flex-col text-xs font-medium">
        Repository
        <select name="repo" defaultValue={state.repo} className={field}>
          <option value="">All repositories</option>
          {repositories.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {state.tz && <input type="hidden" name="tz" value={state.tz} />}
      <button type="submit" className={buttonClass("secondary", "py-1.5")}>
        Show
      </button>
      <span className="flex gap-1">
        {prevHref && (
          <Link href={prevHref} className={buttonClass("ghost", "py-1.5")} aria-label="Previous period">
            ← Previous
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} className={buttonClass("ghost", "py-1.5")} aria-label="Next period">
            Next →
          </Link>
        )}
      </span>
    </form>
  );
}
