/** A workspace with its size, as listed to pick one (CLI --workspace, first start). */
export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  customers: number;
}

/** Workspaces (tenants). Every other repository is scoped by one of them. */
export interface WorkspaceRepository {
  /** Every workspace, oldest first; an empty list means an empty database. */
  list(): Promise<WorkspaceSummary[]>;
}
