// Reads a JSON or HTML-form request body with a size limit, then validates it with a zod schema.
import type { z } from "zod";
import { ApiError, validationError } from "@/lib/errors";

const DEFAULT_LIMIT = 64 * 1024;

export function isJsonRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().includes("application/json");
}

async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new ApiError(413, "payload_too_large", `Request body is larger than ${limit} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new ApiError(413, "payload_too_large", `Request body is larger than ${limit} bytes.`);
  return text;
}

export async function readBody(request: Request, limit = DEFAULT_LIMIT): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const text = await readText(request, limit);
  if (type.includes("application/json")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(400, "bad_request", "The body is not valid JSON.");
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  throw new ApiError(415, "unsupported_media_type", "Send application/json or an HTML form (application/x-www-form-urlencoded).");
}

export async function parseBody<T extends z.ZodType>(request: Request, schema: T, limit?: number): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readBody(request, limit));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
