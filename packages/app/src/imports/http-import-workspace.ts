import type { ImportWorkspace, Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";

/** The caller's workspace as imports need it (its default currency fills money columns that name none). */
export async function httpImportWorkspace(ctx: RequestContext, deps: { repositories: Repositories }): Promise<ImportWorkspace> {
  const summary = (await deps.repositories.workspaces.list()).find((w) => w.id === ctx.workspaceId);
  const workspace = summary ? await deps.repositories.imports.findWorkspace(summary.slug) : null;
  if (!workspace) throw notFound("workspace_not_found", "The caller's workspace no longer exists");
  return workspace;
}
