// The `[id]` segment of a route handler: a UUID, else a 404 naming the thing (never a database error).
import { z } from "zod";
import { ApiError } from "@/lib/errors";

export type IdContext = { params: Promise<{ id: string }> };

/** `what` completes "No such …", e.g. "user", "health target". */
export async function routeId(context: IdContext, what: string): Promise<string> {
  const id = z.uuid().safeParse((await context.params).id);
  if (!id.success) throw new ApiError(404, "not_found", `No such ${what}.`);
  return id.data;
}
