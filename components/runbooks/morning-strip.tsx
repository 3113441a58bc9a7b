import type { StripView } from "@/lib/runbooks/views/types";
import { CheckValue } from "./check-value";

/** The compact morning check: one tile per check with its value, pass condition and definition. */
export function MorningStrip({ strip }: { strip: StripView }) {
  return (
    <section
      aria-labelledby="morning-check"
      className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 id="morning-check" className="mb-3 text-sm font-semibold">
        Morning check
      </h2>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {strip.map((c) => (
          <li key={c.id} data-testid={`strip-${c.id}`} className="min-w-0 space-y-1 break-words">
            <p className="text-xs font-medium text-neutral-500 dark:text-neutral-400">{c.label}</p>
            <p className="text-xl font-semibold tabular-nums">{c.value ?? "—"}</p>
            <CheckValue result={c} />
            <details className="text-xs text-neutral-500 dark:text-neutral-400">
              <summary className="cursor-pointer">Definition</summary>
              <p>
                {c.definition} Pass when {c.passCondition}.
              </p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
