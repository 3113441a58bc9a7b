"use client";
import { useRouter } from "next/navigation";
import { filterSearch } from "@/lib/triage/query-keys";
import { ITEM_STATES, PRIORITIES, TYPES, type TriageFilters } from "@/lib/triage/schemas";
import type { TriageQueueView } from "@/lib/triage/view";
import { inputClass } from "@/components/ui/field";

const STATE_LABELS = {
  within: "Within target",
  due_soon: "Due soon",
  breached: "Breached",
  responded: "Responded",
  responded_late: "Responded late",
} as const;

function Select({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-neutral-600 dark:text-neutral-400">
        {label}
      </label>
      <select id={id} className={inputClass} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function TriageFiltersBar({ filters, data }: { filters: TriageFilters; data: TriageQueueView | undefined }) {
  const router = useRouter();
  const set = (key: keyof TriageFilters) => (value: string) =>
    router.replace(`/triage?${filterSearch({ ...filters, [key]: value || undefined })}`, { scroll: false });
  return (
    <form
      aria-label="Filters"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
      onSubmit={(e) => e.preventDefault()}
    >
      <Select id="filter-repo" label="Repository" value={filters.repo} onChange={set("repo")}>
        <option value="">All repositories</option>
        {data?.repos.map((r) => (
          <option key={r.id} value={r.key}>
            {r.owner}/{r.name}
          </option>
        ))}
      </Select>
      <Select id="filter-priority" label="Priority" value={filters.priority} onChange={set("priority")}>
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
        <option value="untriaged">Untriaged</option>
      </Select>
      <Select id="filter-type" label="Type" value={filters.type} onChange={set("type")}>
        <option value="">Any type</option>
        {TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
      <Select id="filter-assignee" label="Assignee" value={filters.assignee} onChange={set("assignee")}>
        <option value="">Anyone</option>
        {data?.assignees.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </Select>
      <Select id="filter-state" label="State" value={filters.state} onChange={set("state")}>
        <option value="">Any state</option>
        {ITEM_STATES.map((s) => (
          <option key={s} value={s}>
            {STATE_LABELS[s]}
          </option>
        ))}
      </Select>
    </form>
  );
}
