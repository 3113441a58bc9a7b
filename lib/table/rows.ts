// Pure row handling for the data table: text filter, stable sort (empty values last), pages.
export type SortValue = string | number | Date | null | undefined;
export type SortDirection = "asc" | "desc";

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function compareValues(a: SortValue, b: SortValue): number {
  const av = a instanceof Date ? a.getTime() : a;
  const bv = b instanceof Date ? b.getTime() : b;
  if (typeof av === "number" && typeof bv === "number") return av - bv;
  return collator.compare(String(av), String(bv));
}

const isEmpty = (v: SortValue) =>
  v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));

/** Sorted copy; rows without a value stay last in both directions; ties keep their order. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      const ae = isEmpty(a.v);
      const be = isEmpty(b.v);
      if (ae || be) return ae === be ? a.index - b.index : ae ? 1 : -1;
      const c = compareValues(a.v, b.v);
      return (direction === "asc" ? c : -c) || a.index - b.index;
    })
    .map((x) => x.row);
}

/** Rows whose text contains every word of the query (case-insensitive). */
export function filterRows<T>(rows: readonly T[], text: (row: T) => string, query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const hay = text(row).toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export type Page<T> = { rows: T[]; page: number; pages: number; first: number; last: number; total: number };

/** One page (1-based, clamped into range); `first`/`last` are 1-based row numbers for "Rows 101–200 of 340". */
export function paginate<T>(rows: readonly T[], page: number, size: number): Page<T> {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const slice = rows.slice((p - 1) * size, p * size);
  return {
    rows: slice,
    page: p,
    pages,
    first: total === 0 ? 0 : (p - 1) * size + 1,
    last: (p - 1) * size + slice.length,
    total,
  };
}
