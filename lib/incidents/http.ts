// Route helpers for the incidents API.
import type { z } from "zod";
import { parseBody } from "@/lib/http/body";

/** Actions whose body is optional (acknowledge, resolve): an empty body is `{}`. */
export async function parseOptionalBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const length = request.headers.get("content-length");
  if (length === "0" || (!request.headers.get("content-type") && !request.body)) return schema.parse({});
  const text = await request.clone().text();
  if (text.trim() === "") return schema.parse({});
  return parseBody(request, schema);
}

export type RouteContext = { params: Promise<{ id: string }> };
