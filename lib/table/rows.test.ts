import { describe, expect, it } from "vitest";
import { filterRows, paginate, sortRows } from "./rows";

type Row = { name: string; age: number | null; seen?: Date };
const rows: Row[] = [
  { name: "repo-10", age: 3 },
  { name: "repo-2", age: null },
  { name: "Repo-1", age: 3 },
  { name: "api", age: 12 },
];

describe("sortRows", () => {
  it("sorts numbers, keeps ties stable and empty values last in both directions", () => {
    expect(sortRows(rows, (r) => r.age, "asc").map((r) => r.name)).toEqual(["repo-10", "Repo-1", "api", "repo-2"]);
    expect(sortRows(rows, (r) => r.age, "desc").map((r) => r.name)).toEqual(["api", "repo-10", "Repo-1", "repo-2"]);
  });
  it("sorts text naturally and case-insensitively", () => {
    expect(sortRows(rows, (r) => r.name, "asc").map((r) => r.name)).toEqual(["api", "Repo-1", "repo-2", "repo-10"]);
  });
  it("sorts dates by time", () => {
    const dated = [{ seen: new Date("2026-02-01") }, { seen: new Date("2026-01-01") }];
    expect(sortRows(dated, (r) => r.seen, "asc")[0]!.seen.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("filterRows", () => {
  it("keeps rows containing every word", () => {
    expect(filterRows(rows, (r) => `${r.name} ${r.age ?? ""}`, "REPO 3").map((r) => r.name)).toEqual([
      "repo-10",
      "Repo-1",
    ]);
    expect(filterRows(rows, (r) => r.name, "  ")).toHaveLength(4);
  });
});

describe("paginate", () => {
  const many = Array.from({ length: 340 }, (_, i) => i);
  it("cuts pages and clamps the page into range", () => {
    expect(paginate(many, 2, 100)).toMatchObject({ page: 2, pages: 4, first: 101, last: 200, total: 340 });
    expect(paginate(many, 9, 100)).toMatchObject({ page: 4, first: 301, last: 340 });
    expect(paginate(many, 0, 100).rows[0]).toBe(0);
    expect(paginate([], 1, 100)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });
});
