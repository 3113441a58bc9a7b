import type { ClockKind } from "@/lib/triage/rules/clock";
import { CLOCK_LABEL } from "./format";

/** How the queue's numbers are computed, next to them. */
export function QueueDefinitions({ clock }: { clock: ClockKind }) {
  return (
    <details className="rounded-lg border border-neutral-200 p-3 text-sm dark:border-neutral-800">
      <summary className="cursor-pointer font-medium">How these numbers are computed ({CLOCK_LABEL[clock]})</summary>
      <dl className="mt-2 grid gap-2 text-neutral-700 sm:grid-cols-2 dark:text-neutral-300">
        <div>
          <dt className="font-semibold">Clock</dt>
          <dd>
            Every age and time left here counts{" "}
            {clock === "business"
              ? "business hours only (Settings → Team: time zone, working days and hours, holidays)"
              : "calendar time (business hours are off in Settings → Team)"}
            . Both clocks start when the item is created.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Triage clock</dt>
          <dd>
            Untriaged items (no priority label) have the triage target (48 h by default); it stops when a priority label
            is first applied.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Response clock</dt>
          <dd>
            With a priority the target is the priority&apos;s (P0 24 h, P1 3 d, P2 1 w, P3 2 w by default); it stops at
            the first comment (on pull requests also a review) by a person other than the author, not a bot, not
            deleted, not ignored.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">States</dt>
          <dd>
            Within target: 25 % or more left. Due soon: less than 25 % left. Breached: past the target with no response.
            Responded late: the response came after the target.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Stale</dt>
          <dd>
            Last human activity (comments, reviews, label and state changes by non-bots; bot comments do not count) over
            30 days ago: ask for an update. 14 days after an ask with no human reply: close as stale. Calendar days.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Review queue</dt>
          <dd>
            Open, non-draft pull requests without a review by someone other than the author, or with a re-review
            requested; time since ready for review.
          </dd>
        </div>
      </dl>
    </details>
  );
}
