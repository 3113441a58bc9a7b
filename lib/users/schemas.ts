import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Username must be at least 2 characters.")
  .max(40, "Username must be at most 40 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use lower-case letters, digits, dot, dash or underscore.");

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Password must be at most 200 characters.");

const displayName = z.string().trim().min(1, "Enter a name.").max(80, "Name must be at most 80 characters.");

export const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1, "Enter your username.").max(40),
  password: z.string().min(1, "Enter your password.").max(200),
  next: z.string().optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SetupInput = z.object({ username, displayName, password });
export type SetupInput = z.infer<typeof SetupInput>;

export const CreateUserInput = z.object({ username, displayName, password, role: z.enum(ROLES) });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    password: password.optional(),
    /** Forget the account's recent failed sign-ins, so a throttled person can sign in at once. */
    unlock: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export { safeNextPath } from "@/lib/http/next-path";
