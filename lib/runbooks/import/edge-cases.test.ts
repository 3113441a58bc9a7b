import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { previewMarkdown, previewMarkdownBytes } from "./index";
import { repairMojibake } from "./mojibake";

function firstSection(md: string) {
  const section = previewMarkdown(md).sections[0];
  if (!section) throw new Error("no section");
  return section;
}

function errorOf(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("importer edge cases", () => {
  it("nested task lists, [x], and items without boxes inside a checklist", () => {
    const md = "# R\n\n## Daily\n\n- [ ] Parent\n  - [x] Child done\n  - plain child\n- [X] Upper X\n";
    const section = firstSection(md);
    expect(section.items.map((i) => [i.text, i.checked, i.parentKey])).toEqual([
      ["Parent", false, null],
      ["Child done", true, "daily / parent"],
      ["plain child", false, "daily / parent"],
      ["Upper X", true, null],
    ]);
    expect(section.items[1]?.key).toBe("daily / parent / child done");
  });

  it("CRLF and a byte-order mark change nothing", () => {
    const md = "# R\n\n## Weekly Tasks\n\n- [ ] One\n- [ ] Two\n";
    const crlf = "\uFEFF" + md.replace(/\n/g, "\r\n");
    expect(previewMarkdown(crlf)).toEqual(previewMarkdown(md));
    expect(previewMarkdownBytes(new TextEncoder().encode(crlf))).toEqual(previewMarkdown(md));
  });

  it("repairs mojibake in emoji headings and keeps correct text", () => {
    expect(repairMojibake("ðŸŽ‰ Done âœ… — café")).toEqual({
      text: "🎉 Done ✅ — café",
      repaired: 2,
      unrecoverable: 0,
    });
    const section = firstSection("# R\n\n## ðŸš€ Daily checks âœ…\n\n- [ ] Look\n");
    expect(section.title).toBe("🚀 Daily checks ✅");
    expect(section.cadence.rrule).toBe("FREQ=DAILY");
  });

  it("tables and raw HTML stay guidance, not items", () => {
    const md = "# R\n\n## Monthly\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n- [ ] Real item\n";
    const section = firstSection(md);
    expect(section.items.map((i) => i.text)).toEqual(["Real item"]);
    expect(section.guidance).toContain("| a | b |");
    expect(section.guidance).toContain("<script>");
  });

  it("inherits the cadence of a recurring parent heading", () => {
    const md = "# R\n\n## Weekly Tasks\n\n### Clean up\n\n- [ ] Close done issues\n";
    expect(firstSection(md).cadence).toMatchObject({ rrule: "FREQ=WEEKLY", inherited: true });
  });

  it("a Time: line beats the heading", () => {
    const md =
      "# R\n\n## Daily Operations\n\n### Health\n\n**Time**: Every 4 hours during business hours\n\n**Procedure**:\n1. Check\n";
    expect(firstSection(md).cadence).toMatchObject({
      rrule: "FREQ=HOURLY;INTERVAL=4",
      businessHoursOnly: true,
      inherited: false,
    });
  });

  it("bad input gets a clear 4xx", () => {
    expect(errorOf(() => previewMarkdown(""))).toEqual({ status: 400, message: "The markdown is empty." });
    expect(errorOf(() => previewMarkdown("  \n\uFEFF\n"))).toMatchObject({ status: 400 });
    expect(errorOf(() => previewMarkdown("# x\n" + "a".repeat(1024 * 1024)))).toMatchObject({ status: 413 });
    expect(errorOf(() => previewMarkdownBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])))).toMatchObject({
      status: 415,
      message: expect.stringContaining("binary"),
    });
    expect(errorOf(() => previewMarkdownBytes(Uint8Array.from([0x23, 0x20, 0xff, 0xfe, 0x41])))).toMatchObject({
      status: 415,
      message: expect.stringContaining("not UTF-8"),
    });
    expect(errorOf(() => previewMarkdown("# Notes\n\nJust prose.\n\n- a bullet\n"))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^No checklist items found/),
    });
  });
});
