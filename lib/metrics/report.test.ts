// The downloads: CSV never lets a spreadsheet run a cell as a formula; the Markdown report carries
// the same numbers as the API for the same period.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as report } from "@/app/api/v1/kpis/report/route";
import { createTestApiToken } from "@/lib/testing/factories";
import { csvCell, toCsv } from "./csv";
import { createItem, createRepo, actors } from "./fixtures";

let token: string;
let repo: string;

beforeAll(async () => {
  token = (await createTestApiToken("viewer")).token;
  const r = await createRepo();
  repo = `${r.owner}/${r.name}`;
  await createItem(r.id, {
    number: 1,
    created: "2026-06-01T00:00:00Z",
    closed: "2026-06-03T00:00:00Z",
    labels: ["bug"],
    comments: [[actors.user("alice"), "2026-06-01T06:00:00Z"]],
  });
  await createItem(r.id, { number: 2, created: "2026-06-02T00:00:00Z" });
  await createItem(r.id, { number: 3, created: "2026-05-02T00:00:00Z" });
  await createItem(r.id, {
    number: 4,
    kind: "pull_request",
    created: "2026-06-02T00:00:00Z",
    merged: "2026-06-04T12:00:00Z",
  });
  // A hostile title lands in the "waiting" and "merges" tables.
  await createItem(r.id, {
    number: 5,
    kind: "pull_request",
    created: "2026-06-05T00:00:00Z",
    merged: "2026-06-06T00:00:00Z",
  });
  const { db } = await import("@/lib/db");
  await db.githubItem.updateMany({
    where: { repoId: r.id, number: 5 },
    data: { title: '=HYPERLINK("http://evil","x")' },
  });
  await db.githubItem.updateMany({
    where: { repoId: r.id, number: 2 },
    data: { title: "[click](javascript:alert(1)) <b>|" },
  });
});

async function get(query: string) {
  const response = await report(
    new NextRequest(`http://127.0.0.1:3000/api/v1/kpis/report?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    {},
  );
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    text: await response.text(),
  };
}

describe("CSV escaping", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["plain", "plain"],
    ['a "quoted", text', '"a ""quoted"", text"'],
  ])("%s → %s", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it("keeps numbers (negative deltas too) as numbers and nulls empty", () => {
    expect(toCsv(["a", "b", "c"], [[-3, null, 0.5]])).toBe("a,b,c\r\n-3,,0.5\r\n");
  });
  it("escapes a hostile title in a downloaded table", async () => {
    const { status, text, disposition } = await get(`repo=${repo}&month=2026-06&tz=UTC&format=csv&table=merges`);
    expect(status).toBe(200);
    expect(disposition).toContain("2026-06-merges.csv");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe("Markdown report", () => {
  it("is named YYYY-MM.md and carries summary, KPI tables with deltas and targets, notable items", async () => {
    const { status, text, disposition, type } = await get(`repo=${repo}&month=2026-06&tz=UTC`);
    expect(status).toBe(200);
    expect(type).toContain("text/markdown");
    expect(disposition).toContain('filename="2026-06.md"');
    expect(text).toContain("# Metrics review 2026-06");
    expect(text).toContain("## Summary");
    expect(text).toContain("- Issues opened: **2** (previous 1, +1)");
    expect(text).toContain("| Issues closed | 1 | 0 | +1 (better) |");
    expect(text).toMatch(
      /\| Issue first response \(mean\) \| 6\.0 h \| — \| — \(no comparison\) \| < 3\.0 d \(green\) \|/,
    );
    expect(text).toContain("| Bug MTTR (mean) | 2.0 d |");
    expect(text).toContain("| Merge rate | 100.0 % |");
    expect(text).toContain("## Notable items");
    expect(text).toContain("\\[click\\](javascript:alert(1)) \\<b\\>\\|"); // the waiting issue's title: no link, no HTML, no cell break
    expect(text).toMatch(/\| Incidents \| \d+ \|/); // from the incident board (lib/metrics/incident-kpis.test.ts)
    expect(text).toMatch(/### Incidents\n\n- \d+ started in the period \(incident board\); median time to acknowledge/);
    // Per incident type, labelled and filed under Incidents (not under Issues), with its definition.
    const incidentsTable = text.slice(text.indexOf("### Incidents\n\n| KPI"), text.indexOf("### Triage"));
    expect(incidentsTable).toMatch(/\| System outage: MTTR \| /);
    expect(text).toContain("(`incidents.type.outage.mttr`): Median time to resolve");
  });
});
