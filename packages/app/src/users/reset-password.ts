import type { Repositories, User } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";
import { checkNewPassword, hashPassword } from "./password-hashing.ts";

/**
 * Set a new password for the user with `email` in the caller's workspace
 * (admins only) and sign that user out everywhere.
 */
export async function resetPassword(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "users" | "sessions" | "audit"> },
  input: { email: string; password: string; now?: Date },
): Promise<User> {
  authorize(ctx, "users.manage");
  checkNewPassword(input.password);
  const match = (await deps.repositories.users.findByEmail(input.email)).find((u) => u.workspaceId === ctx.workspaceId);
  if (!match) throw notFound("user_not_found", `No user with email "${input.email.trim()}" in this workspace`, { field: "email" });
  await deps.repositories.users.setPasswordHash(ctx.workspaceId, match.id, await hashPassword(input.password));
  await deps.repositories.sessions.revokeAllOfUser(ctx.workspaceId, match.id, input.now ?? new Date());
  await deps.repositories.audit.append([auditEntry(ctx, "user.password_reset", null, [], { user_id: match.id })]);
  const { passwordHash: _hash, ...user } = match;
  return user;
}
