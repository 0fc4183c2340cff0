import type { Repositories, WorkspaceSummary } from "@tenure/domain";
import { AppError, notFound } from "@tenure/shared";

/**
 * The workspace named by `slug`, or the only workspace when no slug is given.
 * A system lookup made before any RequestContext exists (CLI, first start):
 * it is how a caller learns which workspace to act in.
 */
export async function findWorkspaceOrThrow(deps: { repositories: Pick<Repositories, "workspaces"> }, slug: string | null): Promise<WorkspaceSummary> {
  const workspaces = await deps.repositories.workspaces.list();
  const slugs = workspaces.map((w) => w.slug).join(", ");
  if (slug !== null) {
    const found = workspaces.find((w) => w.slug === slug);
    if (!found) throw notFound("workspace_not_found", `No workspace "${slug}"${workspaces.length ? ` (workspaces: ${slugs})` : ": the database has no workspace yet"}`, { field: "workspace" });
    return found;
  }
  const [only, ...others] = workspaces;
  if (!only) throw notFound("workspace_not_found", "The database has no workspace yet: load the demo or import data first", { field: "workspace" });
  if (others.length > 0) throw new AppError("workspace_ambiguous", "invalid_input", `Several workspaces exist (${slugs}): name one by its slug`, { field: "workspace" });
  return only;
}
