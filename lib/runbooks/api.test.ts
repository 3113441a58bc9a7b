// POST /api/v1/runbooks/preview, POST /api/v1/runbooks and the tick route, called as Next.js calls them.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/v1/runbooks/preview/route";
import { POST as importRoute } from "@/app/api/v1/runbooks/route";
import { POST as tick } from "@/app/api/v1/checklist-runs/[id]/items/[itemId]/route";
import { db } from "@/lib/db";
import { createTestApiToken, uniqueName } from "@/lib/testing/factories";

let maintainer: string;
let viewer: string;
beforeAll(async () => {
  maintainer = (await createTestApiToken("maintainer")).token;
  viewer = (await createTestApiToken("viewer")).token;
});

function request(path: string, token: string | null, body: unknown, type = "application/json") {
  const headers: Record<string, string> = { "content-type": type };
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
}
type Json = { error?: { code: string; message: string }; [k: string]: unknown };
const result = async (r: Response) => ({ status: r.status, json: (await r.json()) as Json });

describe("runbooks API", () => {
  it("preview returns the issue's shape and saves nothing", async () => {
    const before = await db.runbook.count();
    const r = await result(
      await preview(
        request("/api/v1/runbooks/preview", maintainer, {
          markdown: "# Ops\n\n## Every Monday\n\n- [x] Plan\n",
          name: "Ops",
        }),
        {},
      ),
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      title: "Ops",
      warnings: [],
      sections: [
        {
          title: "Every Monday",
          path: ["Every Monday"],
          cadence: { rrule: "FREQ=WEEKLY;BYDAY=MO", onDemand: false, businessHoursOnly: false, text: "Every Monday" },
          items: [{ key: "every monday / plan", text: "Plan", kind: "task", checked: true, suggestedCheck: null }],
          commands: [],
        },
      ],
    });
    expect(await db.runbook.count()).toBe(before);
  });

  it.each([
    ["no credentials", null, 401],
    ["a viewer", "viewer", 403],
  ] as const)("preview and import refuse %s", async (_, who, status) => {
    const token = who === "viewer" ? viewer : null;
    expect(
      (await preview(request("/api/v1/runbooks/preview", token, { template: "open-source-maintenance" }), {})).status,
    ).toBe(status);
    expect(
      (await importRoute(request("/api/v1/runbooks", token, { template: "open-source-maintenance" }), {})).status,
    ).toBe(status);
  });

  it.each([
    ["empty", { markdown: "" }, 400, "The markdown is empty."],
    ["no checklist", { markdown: "# Notes\n\nprose only\n" }, 400, "No checklist items found"],
    [
      "both markdown and template",
      { markdown: "x", template: "open-source-maintenance" },
      400,
      "Some fields are invalid.",
    ],
  ])("preview answers %s with a clear 4xx", async (_, body, status, message) => {
    const r = await result(await preview(request("/api/v1/runbooks/preview", maintainer, body), {}));
    expect(r.status).toBe(status);
    expect(r.json.error?.message).toContain(message);
  });

  it("a raw upload that is binary or not UTF-8 is a 415", async () => {
    const binary = await result(
      await preview(
        request("/api/v1/runbooks/preview", maintainer, Uint8Array.from([1, 0, 2, 3]), "application/octet-stream"),
        {},
      ),
    );
    expect(binary.status).toBe(415);
    const latin1 = await result(
      await preview(
        request(
          "/api/v1/runbooks/preview",
          maintainer,
          Uint8Array.from([0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0xe9]),
          "text/markdown",
        ),
        {},
      ),
    );
    expect(latin1).toMatchObject({ status: 415, json: { error: { message: expect.stringContaining("not UTF-8") } } });
  });

  it("imports a template, then a viewer cannot tick but a maintainer can", async () => {
    const name = uniqueName("Imported");
    const r = await result(
      await importRoute(
        request("/api/v1/runbooks", maintainer, { template: "service-maintenance", name, activate: true }),
        {},
      ),
    );
    expect(r).toMatchObject({ status: 201, json: { title: name, active: true, sections: 19 } });
    const section = await db.runbookSection.findFirstOrThrow({
      where: { runbookId: r.json.id as string, title: "Error Log Review" },
      include: { items: true },
    });
    const run = await db.checklistRun.create({
      data: { sectionId: section.id, periodKey: "test", periodStart: new Date(), dueAt: new Date() },
    });
    const item = section.items[0]!;
    const ctx = { params: Promise.resolve({ id: run.id, itemId: item.id }) };
    expect(
      (await tick(request(`/api/v1/checklist-runs/${run.id}/items/${item.id}`, viewer, { status: "done" }), ctx))
        .status,
    ).toBe(403);
    expect(await db.checklistCompletion.count({ where: { runId: run.id } })).toBe(0);
    const ok = await result(
      await tick(
        request(`/api/v1/checklist-runs/${run.id}/items/${item.id}`, maintainer, { status: "done", note: "seen" }),
        { params: Promise.resolve({ id: run.id, itemId: item.id }) },
      ),
    );
    expect(ok).toMatchObject({ status: 201, json: { status: "done", note: "seen" } });
  });
});
