import type { Repositories, User } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";
import { checkNewPassword, hashPassword } from "./password-hashing.ts";

/**
 * Set a new password for the user with `email` (or `userId`) in the caller's
 * workspace (admins only) and sign that user out everywhere.
 */
export async function resetPassword(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "users" | "sessions" | "audit"> },
  input: ({ email: string } | { userId: string }) & { password: string; now?: Date },
): Promise<User> {
  authorize(ctx, "users.manage");
  checkNewPassword(input.password);
  const user = await findUser(ctx, deps, input);
  await deps.repositories.users.setPasswordHash(ctx.workspaceId, user.id, await hashPassword(input.password));
  await deps.repositories.sessions.revokeAllOfUser(ctx.workspaceId, user.id, input.now ?? new Date());
  await deps.repositories.audit.append([auditEntry(ctx, "user.password_reset", null, [], { user_id: user.id })]);
  return user;
}

async function findUser(ctx: RequestContext, deps: { repositories: Pick<Repositories, "users"> }, input: { email: string } | { userId: string }): Promise<User> {
  if ("userId" in input) {
    const user = await deps.repositories.users.findById(ctx.workspaceId, input.userId);
    if (!user) throw notFound("user_not_found", `No user with id "${input.userId}" in this workspace`, { field: "id" });
    return user;
  }
  const match = (await deps.repositories.users.findByEmail(input.email)).find((u) => u.workspaceId === ctx.workspaceId);
  if (!match) throw notFound("user_not_found", `No user with email "${input.email.trim()}" in this workspace`, { field: "email" });
  const { passwordHash: _hash, ...user } = match;
  return user;
}
