import { describe, expect, it } from "vitest";
import { renderGuidance } from "./render";

describe("renderGuidance", () => {
  it("keeps markdown and tables, drops scripts and event handlers", () => {
    const html = renderGuidance(
      "**Time**: daily\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n| a |\n|---|\n| 1 |\n",
    );
    expect(html).toContain("<strong>Time</strong>");
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/<script|onerror/);
  });
});
