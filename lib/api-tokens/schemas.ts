import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const CreateApiTokenInput = z
  .object({
    name: z.string().trim().min(1, "Name the token after the client that will use it.").max(80),
    role: z.enum(ROLES).default("viewer"),
    expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;
