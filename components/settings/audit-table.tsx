import Link from "next/link";
import { auditSearch, type AuditFilter } from "@/lib/audit/filters";
import type { AuditRow } from "@/lib/audit/queries";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Time } from "@/components/ui/time";

const label = "block text-xs font-medium text-neutral-700 dark:text-neutral-300";
const DAY = "\\d{4}-\\d{2}-\\d{2}";

/** Filters by action, person and days, as a plain GET form: the filter lives in the URL. */
export function AuditFilters({
  filter,
  facets,
  timeZone,
}: {
  filter: AuditFilter;
  facets: { actions: string[]; users: string[] };
  timeZone: string;
}) {
  return (
    <form
      method="get"
      action="/settings/audit"
      aria-label="Filter the audit log"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
    >
      <div>
        <label htmlFor="audit-action" className={label}>
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
          <option value="">any action</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-user" className={label}>
          By
        </label>
        <select id="audit-user" name="user" defaultValue={filter.user ?? ""} className={inputClass}>
          <option value="">anyone</option>
          {facets.users.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className={label}>
          From day ({timeZone})
        </label>
        <input
          id="audit-from"
          name="from"
          defaultValue={filter.from ?? ""}
          placeholder="YYYY-MM-DD"
          pattern={DAY}
          inputMode="numeric"
          className={`${inputClass} font-mono`}
        />
      </div>
      <div>
        <label htmlFor="audit-to" className={label}>
          To day, inclusive
        </label>
        <input
          id="audit-to"
          name="to"
          defaultValue={filter.to ?? ""}
          placeholder="YYYY-MM-DD"
          pattern={DAY}
          inputMode="numeric"
          className={`${inputClass} font-mono`}
        />
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <Link href="/settings/audit" className={buttonClass("secondary")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

/** One page of entries with readable detail and times to the second; "Older" pages by id, keeping the filter. */
export function AuditTable({
  rows,
  filter,
  nextBefore,
}: {
  rows: AuditRow[];
  filter: AuditFilter;
  nextBefore: string | null;
}) {
  const filtered = Boolean(filter.action || filter.user || filter.from || filter.to);
  if (rows.length === 0) {
    return filtered || filter.before ? (
      <EmptyState title="No matching entries">
        Nothing matches this filter.{" "}
        <Link href="/settings/audit" className="underline">
          Clear the filter
        </Link>{" "}
        to see every entry.
      </EmptyState>
    ) : (
      <EmptyState title="No audit entries">
        Sign-ins and user, role, token, target and repository changes appear here.
      </EmptyState>
    );
  }
  return (
    <Card title={filter.before ? "Older entries" : filtered ? "Matching entries, newest first" : "Newest entries"}>
      <ol className="divide-y divide-neutral-200 dark:divide-neutral-800" aria-label="Audit entries">
        {rows.map((r) => (
          <li key={r.id} className="grid gap-x-4 gap-y-0.5 py-2 text-sm md:grid-cols-[13rem_minmax(0,1fr)]">
            <div className="tabular-nums text-neutral-700 dark:text-neutral-300">
              <Time value={r.at} mode="absolute" seconds />
            </div>
            <div className="min-w-0">
              <p className="break-words">
                <span className="font-mono text-xs font-medium">{r.action}</span> by{" "}
                <span className="font-medium">{r.actor?.username ?? "steward (no person)"}</span>
                {r.target && (
                  <>
                    {" "}
                    · on <span className="font-medium">{r.target}</span>
                  </>
                )}
                {r.ip && <span className="text-neutral-600 dark:text-neutral-400"> · from {r.ip}</span>}
              </p>
              {r.detail && <p className="break-words text-xs text-neutral-600 dark:text-neutral-400">{r.detail}</p>}
            </div>
          </li>
        ))}
      </ol>
      <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap gap-2">
        {filter.before && (
          <Link
            href={`/settings/audit${auditSearch(filter, { before: undefined })}`}
            className={buttonClass("secondary")}
          >
            Newest
          </Link>
        )}
        {nextBefore && (
          <Link
            href={`/settings/audit${auditSearch(filter, { before: nextBefore })}`}
            className={buttonClass("secondary")}
          >
            Older entries
          </Link>
        )}
      </nav>
    </Card>
  );
}
