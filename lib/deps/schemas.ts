// Inputs of the dependency and release APIs and pages (no database import: shared with the client).
import { z } from "zod";

export const RepoParam = z
  .string()
  .trim()
  .regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/name, e.g. acme/api")
  .max(200);
export const RepoQuery = z.object({ repo: RepoParam });
export const ProcedureQuery = z.object({
  kind: z.enum(["patch", "minor", "major"]),
  version: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.+-]+$/, "must be a version such as v1.2.3"),
});
