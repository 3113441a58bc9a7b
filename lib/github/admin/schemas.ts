// Inputs of Settings → Repositories, validated at the edge.
import { z } from "zod";
import { parseRepositoryName } from "../repository-name";

/** "owner/name", or a pasted https://github.com/owner/name URL, normalised to "owner/name". */
export const AddRepositoryInput = z.strictObject({
  fullName: z
    .string()
    .trim()
    .min(1, "Enter a repository as owner/name.")
    .max(140)
    .transform((v) => v.replace(/^https:\/\/github\.com\//i, "").replace(/\/+$/, ""))
    .refine((v) => parseRepositoryName(v) !== null, "Enter a repository as owner/name, e.g. acme/widgets."),
});
export type AddRepositoryInput = z.infer<typeof AddRepositoryInput>;

export const UpdateRepositoryInput = z.strictObject({ enabled: z.boolean() });

export const GithubTokenInput = z.strictObject({
  token: z
    .string()
    .trim()
    .min(1, "Enter a token.")
    .max(1000, "That is longer than any GitHub token.")
    .refine((v) => !/\s/.test(v), "A token has no spaces."),
});
