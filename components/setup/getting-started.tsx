import Link from "next/link";
import { isSetUp, type SetupStep } from "@/lib/setup/steps";

/** The getting-started checklist; `compact` once everything is done (Settings shows it as a record). */
export function GettingStarted({ steps, canConfigure }: { steps: SetupStep[]; canConfigure: boolean }) {
  const done = steps.filter((s) => s.done).length;
  const complete = isSetUp(steps);
  return (
    <section
      aria-labelledby="getting-started"
      className="mb-6 rounded-lg border border-sky-200 bg-sky-50 p-4 sm:p-5 dark:border-sky-900 dark:bg-sky-950/40"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="getting-started" className="text-base font-semibold">
          {complete ? "steward is set up" : "Getting started"}
        </h2>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          {done} of {steps.length} done
        </p>
      </div>
      {!canConfigure && !complete && (
        <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
          An admin finishes these steps; each ticks itself when done.
        </p>
      )}
      <ol className="mt-3 space-y-2">
        {steps.map((step) => (
          <li key={step.id} className="flex items-start gap-3 text-sm">
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${step.done ? "bg-green-700 text-white" : "border border-neutral-400 text-transparent dark:border-neutral-500"}`}
            >
              ✓
            </span>
            <div className="min-w-0">
              <p className="font-medium">
                {canConfigure && !step.done ? (
                  <Link href={step.href} className="text-sky-800 underline dark:text-sky-300">
                    {step.title}
                  </Link>
                ) : (
                  step.title
                )}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              <p className="text-neutral-700 dark:text-neutral-300">{step.detail}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
