import { permissionMatrix, type Permission, type Repositories, type User } from "@tenure/domain";
import type { RequestContext, Role } from "@tenure/shared";

export interface Caller {
  workspaceId: string;
  actorId: string;
  role: Role;
  permissions: readonly Permission[];
  /** The user acting (session or user-bound token); null for a role-bound token. */
  user: User | null;
}

/** Who the caller is and what the matrix lets it do (GET /api/session/me). Any authenticated caller may ask. */
export async function describeCaller(ctx: RequestContext, deps: { repositories: Pick<Repositories, "users"> }): Promise<Caller> {
  const user = ctx.actorId.startsWith("usr_") ? await deps.repositories.users.findById(ctx.workspaceId, ctx.actorId) : null;
  return { workspaceId: ctx.workspaceId, actorId: ctx.actorId, role: ctx.role, permissions: permissionMatrix[ctx.role], user };
}
