import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { parseBody } from "@/lib/http/body";

/** A chunked body without Content-Length that would be `total` bytes; counts what was pulled. */
function endlessRequest(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  const request = new Request("http://x/api", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { request, state };
}

describe("parseBody", () => {
  it("refuses a chunked body past the limit without reading the rest", async () => {
    const { request, state } = endlessRequest(200 * 1024 * 1024);
    const error = await parseBody(request, z.object({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    expect(state.pulled).toBeLessThan(1024 * 1024); // stopped near 64 KiB, not after 200 MiB
  });

  it("refuses a declared Content-Length past the limit", async () => {
    const request = new Request("http://x/api", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json", "content-length": "999999" },
    });
    await expect(parseBody(request, z.object({}))).rejects.toMatchObject({ status: 413 });
  });

  it("parses JSON and forms within the limit", async () => {
    const json = new Request("http://x/api", {
      method: "POST",
      body: JSON.stringify({ a: "b" }),
      headers: { "content-type": "application/json" },
    });
    expect(await parseBody(json, z.object({ a: z.string() }))).toEqual({ a: "b" });
    const form = new Request("http://x/api", {
      method: "POST",
      body: "a=c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await parseBody(form, z.object({ a: z.string() }))).toEqual({ a: "c" });
  });
});
