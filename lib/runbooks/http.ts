// Reads an import request: JSON ({ markdown | template, name, … }) or a raw markdown upload (text/markdown, text/plain,
// application/octet-stream with ?name=), which is checked as bytes (UTF-8, binary) before parsing.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseBody } from "@/lib/http/body";
import { ApiError } from "@/lib/errors";
import { decodeMarkdownBytes, MAX_MARKDOWN_BYTES } from "@/lib/runbooks/import/decode";

const RAW_TYPES = ["text/markdown", "text/plain", "text/x-markdown", "application/octet-stream"];
const JSON_LIMIT = 3 * 1024 * 1024; // 1 MiB of markdown can double when escaped in JSON

export async function readImportRequest<T extends z.ZodType>(request: NextRequest, schema: T): Promise<z.infer<T>> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!RAW_TYPES.some((t) => type.startsWith(t))) return parseBody(request, schema, JSON_LIMIT);
  if (Number(request.headers.get("content-length") ?? "0") > MAX_MARKDOWN_BYTES)
    throw new ApiError(413, "payload_too_large", "The markdown is larger than 1 MiB.");
  const bytes = new Uint8Array(await request.arrayBuffer());
  const { text } = decodeMarkdownBytes(bytes);
  const params = request.nextUrl.searchParams;
  const parsed = schema.safeParse({
    markdown: text,
    name: params.get("name") ?? undefined,
    ...(params.get("activate") ? { activate: params.get("activate") === "true" } : {}),
  });
  if (!parsed.success) throw new ApiError(400, "validation_failed", "Some fields are invalid.");
  return parsed.data;
}

export const IdParam = z.uuid();
export function parseId(value: string, what: string): string {
  const id = IdParam.safeParse(value);
  if (!id.success) throw new ApiError(404, "not_found", `No such ${what}.`);
  return id.data;
}
