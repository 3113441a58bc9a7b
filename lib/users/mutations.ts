// Account operations. Each one authorizes nothing itself: callers pass an already-checked actor.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { invalidateUserSessions } from "@/lib/auth/sessions";
import { clearLoginFailures } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit/record";
import { capTokensOfCreator, revokeTokensOfCreator } from "@/lib/users/creator-tokens";
import type { CreateUserInput, SetupInput, UpdateUserInput } from "@/lib/users/schemas";

const publicFields = { id: true, username: true, displayName: true, role: true, active: true } as const;

/** Creates the first admin; refuses once any user exists (serialised by an advisory lock). */
export async function createFirstAdmin(input: SetupInput, ip: string) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('steward.first-admin'))`;
    if ((await tx.user.count()) > 0) throw new ApiError(409, "conflict", "Setup is already complete. Sign in instead.");
    const user = await tx.user.create({
      data: { username: input.username, displayName: input.displayName, passwordHash, role: "admin" },
      select: publicFields,
    });
    await recordAudit({ action: "setup.admin_created", actorId: user.id, target: user.username, ip }, tx);
    return user;
  });
}

export async function createUser(input: CreateUserInput, actorId: string | null, ip: string) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username: input.username, displayName: input.displayName, passwordHash, role: input.role },
        select: publicFields,
      });
      await recordAudit(
        { action: "user.created", actorId, target: user.username, ip, detail: { role: user.role } },
        tx,
      );
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError(409, "conflict", `The username "${input.username}" is taken.`, { username: ["Taken."] });
    }
    throw error;
  }
}

const ADMINS_LOCK = "steward.active-admins";

/**
 * Changes role, active flag, password or sign-in lock. Every change that touches who is an admin
 * runs under one advisory lock and re-counts active admins before it commits, so no caller (a
 * session or an admin API token, however many at once) can leave zero active admins.
 */
export async function updateUser(
  id: string,
  input: UpdateUserInput,
  actorId: string | null,
  ip: string,
  now = new Date(),
) {
  if (actorId === id && (input.active === false || (input.role && input.role !== "admin"))) {
    throw new ApiError(409, "conflict", "You cannot deactivate or demote yourself; ask another admin.");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const user = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ADMINS_LOCK}))`;
    const existing = await tx.user.findUnique({ where: { id }, select: publicFields });
    if (!existing) throw new ApiError(404, "not_found", "No such user.");
    const updated = await tx.user.update({
      where: { id },
      data: { role: input.role, active: input.active, passwordHash },
      select: publicFields,
    });
    const wasAdmin = existing.role === "admin" && existing.active;
    if (wasAdmin && (updated.role !== "admin" || !updated.active)) {
      const remaining = await tx.user.count({ where: { role: "admin", active: true } });
      if (remaining === 0)
        throw new ApiError(409, "conflict", "This would leave no active admin. Make someone else an admin first.");
    }
    const audit = (action: Parameters<typeof recordAudit>[0]["action"], detail?: Prisma.InputJsonValue) =>
      recordAudit({ action, actorId, target: updated.username, ip, detail }, tx);
    const change = { userId: id, username: updated.username, actorId, ip, now };
    if (input.role && input.role !== existing.role) {
      await audit("user.role_changed", { from: existing.role, to: input.role });
      await capTokensOfCreator(tx, { ...change, role: input.role });
    }
    if (input.active === false && existing.active) {
      await audit("user.deactivated");
      await revokeTokensOfCreator(tx, change);
    }
    if (input.active === true && !existing.active) await audit("user.reactivated");
    if (passwordHash) await audit("user.password_reset");
    if (input.unlock) {
      await audit("user.unlocked", { forgottenFailures: await clearLoginFailures(updated.username, tx) });
    }
    return updated;
  });
  if (input.active === false || passwordHash) await invalidateUserSessions(id);
  return user;
}
