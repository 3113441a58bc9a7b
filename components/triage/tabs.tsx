"use client";
import Link from "next/link";
import { filterSearch } from "@/lib/triage/query-keys";
import { TAB_LABELS, TABS, type TriageFilters } from "@/lib/triage/schemas";
import type { TabCounts } from "@/lib/triage/views";

export function TriageTabs({ filters, counts }: { filters: TriageFilters; counts: TabCounts | undefined }) {
  return (
    <nav aria-label="Queues" className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-neutral-200 px-1 dark:border-neutral-800">
        {TABS.map((tab) => {
          const active = tab === filters.tab;
          return (
            <li key={tab}>
              <Link
                href={`/triage?${filterSearch({ ...filters, tab })}`}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm ${active ? "border-sky-700 font-semibold text-sky-800 dark:border-sky-400 dark:text-sky-300" : "border-transparent text-neutral-600 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100"}`}
              >
                {TAB_LABELS[tab]}
                <span
                  data-testid={`tab-count-${tab}`}
                  className="rounded-full bg-neutral-100 px-2 text-xs tabular-nums dark:bg-neutral-800"
                >
                  {counts ? counts[tab] : "…"}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
