// The `[id]` segment of repository routes: a uuid, else 404 (never a database error).
import { z } from "zod";
import { ApiError } from "@/lib/errors";

export type RepositoryContext = { params: Promise<{ id: string }> };

export async function repositoryId(context: RepositoryContext): Promise<string> {
  const id = z.uuid().safeParse((await context.params).id);
  if (!id.success) throw new ApiError(404, "not_found", "No such repository.");
  return id.data;
}
