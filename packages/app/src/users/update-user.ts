import { roles, type NewAuditEntry, type Repositories, type User, type UserChanges } from "@tenure/domain";
import { AppError, invalidInput, notFound, type RequestContext, type Role } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";

export interface UpdateUserInput {
  userId: string;
  /** The new role; absent keeps it. */
  role?: Role | undefined;
  /** true disables the user (signed out everywhere, its tokens stop working), false enables it again; absent keeps it. */
  disabled?: boolean | undefined;
  now?: Date;
}

/**
 * Change a user's role or disable / enable it (admins only). The workspace
 * always keeps one enabled admin: demoting or disabling the last one is a
 * conflict (last_admin). Each change is audited; disabling also ends the
 * user's sessions. Asking for what is already so changes nothing.
 */
export async function updateUser(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  input: UpdateUserInput,
): Promise<User> {
  authorize(ctx, "users.manage");
  if (input.role !== undefined && !roles.includes(input.role)) throw invalidInput("role", `role must be one of ${roles.join(", ")}`);
  const now = input.now ?? new Date();
  return deps.repositories.transaction(async (tx) => {
    const admins = await tx.users.lockEnabledAdmins(ctx.workspaceId);
    const missing = () => notFound("user_not_found", `No user "${input.userId}" in this workspace`, { field: "id" });
    const user = await tx.users.findById(ctx.workspaceId, input.userId);
    if (!user) throw missing();
    const changes: UserChanges = {};
    if (input.role !== undefined && input.role !== user.role) changes.role = input.role;
    if (input.disabled !== undefined && input.disabled !== (user.disabledAt !== null)) changes.disabledAt = input.disabled ? now : null;
    const losesAdmin = admins.includes(user.id) && ((changes.role !== undefined && changes.role !== "admin") || (changes.disabledAt ?? null) !== null);
    if (losesAdmin && admins.length === 1) {
      const field = changes.disabledAt ? "disabled" : "role";
      const self = user.id === ctx.actorId ? "You are" : `${user.email} is`;
      throw new AppError("last_admin", "conflict", `${self} the last enabled administrator of this workspace: make another user an administrator first`, { field });
    }
    const updated = Object.keys(changes).length === 0 ? user : await tx.users.update(ctx.workspaceId, user.id, changes);
    if (!updated) throw missing();
    const audit: NewAuditEntry[] = [];
    if (changes.role !== undefined) audit.push(auditEntry(ctx, "user.role_change", null, ["role"], { user_id: user.id, from: user.role, to: changes.role }));
    if (changes.disabledAt !== undefined) audit.push(auditEntry(ctx, changes.disabledAt ? "user.disable" : "user.enable", null, [], { user_id: user.id }));
    if (audit.length > 0) await tx.audit.append(audit);
    if (changes.disabledAt) await tx.sessions.revokeAllOfUser(ctx.workspaceId, user.id, now);
    return updated;
  });
}
