import type { ApiToken, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** The workspace's API tokens and write keys, newest first, revoked ones included (admins only). */
export async function listApiTokens(ctx: RequestContext, deps: { repositories: Pick<Repositories, "access"> }): Promise<ApiToken[]> {
  authorize(ctx, "tokens.manage");
  return deps.repositories.access.listTokens(ctx.workspaceId);
}
