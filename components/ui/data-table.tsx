"use client";
import { useId, useMemo, useState } from "react";
import { filterRows, paginate, sortRows, type SortDirection, type SortValue } from "@/lib/table/rows";
import { inputClass } from "@/components/ui/field";

// Sortable, filterable, paginated table; below 768 px each row becomes a card. Use it from client components.
export type Column<T> = {
  key: string;
  header: string;
  cell: (row: T) => React.ReactNode;
  /** Makes the column sortable. */
  sortValue?: (row: T) => SortValue;
  /** Text the filter searches; columns without it are not searched. */
  filterText?: (row: T) => string;
  align?: "left" | "right";
  /** Leave this column out of the phone cards (e.g. a duplicate of the card title). */
  hideOnCard?: boolean;
  /** Replaces the header text in the table (e.g. a "select all" checkbox); on phones it sits above the cards. */
  headerCell?: React.ReactNode;
  /** Show the column in the table only from this width up (it stays on the phone cards). */
  showFrom?: "lg" | "xl";
};
const SHOW_FROM = { lg: "hidden lg:table-cell", xl: "hidden xl:table-cell" } as const;

type Props<T> = {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Names the table (caption, visually hidden unless `showCaption`). */
  caption: string;
  showCaption?: boolean;
  initialSort?: { key: string; direction: SortDirection };
  /** Show the text filter: true, false, or "auto" (when there are more than 15 rows). */
  filter?: boolean | "auto";
  /** Rows per page once there are more than `paginateAbove`. */
  pageSize?: number;
  paginateAbove?: number;
  /** Shown when there are no rows at all. */
  empty?: React.ReactNode;
  /** The card's title on phones (default: the first column). */
  cardTitle?: (row: T) => React.ReactNode;
  /** Extra attributes of a table row (test ids, data-*); not repeated on the phone cards. */
  rowAttributes?: (row: T) => Record<string, string>;
};

const th =
  "sticky top-0 z-10 bg-neutral-100 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200";

export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  showCaption = false,
  initialSort,
  filter = "auto",
  pageSize = 100,
  paginateAbove = 200,
  empty,
  cardTitle,
  rowAttributes,
}: Props<T>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const filterId = useId();
  const showFilter = filter === true || (filter === "auto" && rows.length > 15);
  const searchable = columns.filter((c) => c.filterText);

  const visible = useMemo(() => {
    const filtered =
      query && searchable.length
        ? filterRows(rows, (r) => searchable.map((c) => c.filterText!(r)).join(" "), query)
        : [...rows];
    const column = sort && columns.find((c) => c.key === sort.key);
    return column?.sortValue ? sortRows(filtered, column.sortValue, sort!.direction) : filtered;
  }, [rows, query, sort, columns, searchable]);
  const paged =
    visible.length > paginateAbove
      ? paginate(visible, page, pageSize)
      : paginate(visible, 1, Math.max(1, visible.length));

  if (rows.length === 0 && empty) return <>{empty}</>;

  function toggle(key: string) {
    setSort((s) =>
      s?.key === key ? { key, direction: s.direction === "asc" ? "desc" : "asc" } : { key, direction: "asc" },
    );
    setPage(1);
  }
  const title = cardTitle ?? ((row: T) => columns[0]?.cell(row));
  return (
    <div className="min-w-0 space-y-3">
      {showFilter && searchable.length > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={filterId} className="text-sm font-medium">
            Filter
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(1);
            }}
            placeholder={`Search ${caption.toLowerCase()}`}
            className={`${inputClass} max-w-xs`}
          />
          <span className="text-xs text-neutral-600 dark:text-neutral-400" aria-live="polite">
            {visible.length} of {rows.length}
          </span>
        </div>
      )}
      <div
        role="region"
        aria-label={caption}
        tabIndex={0}
        className="relative hidden max-h-[75vh] overflow-auto rounded-lg border border-neutral-200 md:block dark:border-neutral-800"
      >
        <table className="w-full text-sm">
          <caption className={showCaption ? "px-3 py-2 text-left font-medium" : "sr-only"}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort!.direction === "asc" ? "ascending" : "descending") : undefined}
                    className={`${th} ${c.align === "right" ? "text-right" : ""} ${c.showFrom ? SHOW_FROM[c.showFrom] : ""}`}
                  >
                    {c.headerCell ??
                      (c.sortValue ? (
                        <button
                          type="button"
                          onClick={() => toggle(c.key)}
                          className="inline-flex items-center gap-1 uppercase hover:underline"
                        >
                          {c.header}
                          <span aria-hidden="true">{active ? (sort!.direction === "asc" ? "▲" : "▼") : "↕"}</span>
                        </button>
                      ) : (
                        c.header
                      ))}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {paged.rows.map((row) => (
              <tr key={rowKey(row)} {...rowAttributes?.(row)} className="hover:bg-neutral-50 dark:hover:bg-neutral-900">
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={`px-3 py-2 align-top ${c.align === "right" ? "text-right tabular-nums" : ""} ${c.showFrom ? SHOW_FROM[c.showFrom] : ""}`}
                  >
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {columns.some((c) => c.headerCell) && (
        <div className="flex flex-wrap gap-3 text-sm md:hidden">
          {columns.map((c) => c.headerCell && <div key={c.key}>{c.headerCell}</div>)}
        </div>
      )}
      <ul aria-label={caption} className="space-y-2 md:hidden">
        {paged.rows.map((row) => (
          <li key={rowKey(row)} className="rounded-lg border border-neutral-200 p-3 text-sm dark:border-neutral-800">
            <div className="mb-2 font-medium break-words">{title(row)}</div>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
              {columns
                .slice(cardTitle ? 0 : 1)
                .filter((c) => !c.hideOnCard)
                .map((c) => (
                  <div key={c.key} className="contents">
                    <dt className="text-neutral-600 dark:text-neutral-400">{c.header}</dt>
                    <dd className="min-w-0 break-words">{c.cell(row)}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
      {visible.length === 0 && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No rows match “{query}”.</p>
      )}
      {paged.pages > 1 && (
        <nav aria-label={`${caption} pages`} className="flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            className="rounded-md border border-neutral-300 px-3 py-1 disabled:opacity-50 dark:border-neutral-700"
            disabled={paged.page <= 1}
            onClick={() => setPage(paged.page - 1)}
          >
            Previous
          </button>
          <span>
            Rows {paged.first}–{paged.last} of {paged.total}
          </span>
          <button
            type="button"
            className="rounded-md border border-neutral-300 px-3 py-1 disabled:opacity-50 dark:border-neutral-700"
            disabled={paged.page >= paged.pages}
            onClick={() => setPage(paged.page + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
