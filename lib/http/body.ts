// Reads a JSON or HTML-form request body with a size limit (streamed, see read-limited.ts), then validates it with a zod schema.
import type { z } from "zod";
import { ApiError, validationError } from "@/lib/errors";
import { readLimited } from "@/lib/http/read-limited";

const DEFAULT_LIMIT = 64 * 1024;

export function isJsonRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().includes("application/json");
}

async function readText(request: Request, limit: number): Promise<string> {
  const bytes = await readLimited(request, limit);
  if (bytes === null) throw new ApiError(413, "payload_too_large", `Request body is larger than ${limit} bytes.`);
  return bytes.toString("utf8");
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
  throw new ApiError(
    415,
    "unsupported_media_type",
    "Send application/json or an HTML form (application/x-www-form-urlencoded).",
  );
}

/** PostgreSQL refuses NUL in text and unpaired surrogates in jsonb; refusing them here keeps that a 400, not a 500. */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** Walks the parsed value without recursion (a 256 KiB body can nest 100,000 levels deep). */
function hasUnstorableText(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item); // not push(...value): 100,000 arguments overflow the stack
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/**
 * `fast`, when given, is a plain check that returns what `schema` would return for bodies it is sure
 * of, else null (then `schema` decides and words the errors); for hot routes such as the push API.
 */
export async function parseBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit?: number,
  fast?: (body: unknown) => z.infer<T> | null,
): Promise<z.infer<T>> {
  const body = await readBody(request, limit);
  if (hasUnstorableText(body))
    throw new ApiError(
      400,
      "bad_request",
      "The body contains a NUL character or an unpaired surrogate, which cannot be stored.",
    );
  const plain = fast?.(body);
  if (plain) return plain;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
