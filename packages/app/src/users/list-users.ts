import type { Repositories, User } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** The workspace's staff users, oldest first, disabled ones included (admins only); never a password hash. */
export async function listUsers(ctx: RequestContext, deps: { repositories: Pick<Repositories, "users"> }): Promise<User[]> {
  authorize(ctx, "users.manage");
  const users = await deps.repositories.users.list(ctx.workspaceId);
  return users.map((u) => ({ id: u.id, workspaceId: u.workspaceId, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt, disabledAt: u.disabledAt }));
}
