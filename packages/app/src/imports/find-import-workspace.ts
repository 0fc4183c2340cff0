import type { ImportWorkspace, Repositories } from "@tenure/domain";
import { notFound } from "@tenure/shared";

/**
 * The workspace an import goes into: the one with `slug`, or by default the
 * "demo" workspace, else the oldest. Throws not_found with what to do when
 * there is none.
 */
export async function findImportWorkspace(deps: { repositories: Repositories }, slug: string | null): Promise<ImportWorkspace> {
  const workspace = await deps.repositories.imports.findWorkspace(slug);
  if (workspace) return workspace;
  if (slug !== null) throw notFound("workspace_not_found", `No workspace with slug "${slug}"`, { field: "workspace" });
  throw notFound("workspace_not_found", "There is no workspace yet: run `tenure demo` (sample data) or create one before importing");
}
