import type { Repositories, SavedView } from "@tenure/domain";
import { AppError, invalidInput, newId, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { preferenceUserOf } from "./user-of.ts";

type Deps = { repositories: Pick<Repositories, "preferences"> };

const maxKeys = 30;

/** A saved view's name: 1–100 characters after trimming. */
function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw invalidInput("name", "name must be 1 to 100 characters");
  return trimmed;
}

/** A saved view's query: at most 30 string parameters, keys like q, sort or attr.plan. */
function checkQuery(query: Record<string, string>): Record<string, string> {
  const entries = Object.entries(query);
  if (entries.length > maxKeys) throw invalidInput("query", `query has at most ${maxKeys} parameters`);
  for (const [key, value] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(key)) throw invalidInput(`query.${key}`, "query keys are letters, digits, _ . - (at most 64)");
    if (typeof value !== "string" || value.length > 500) throw invalidInput(`query.${key}`, "query values are strings of at most 500 characters");
  }
  return Object.fromEntries(entries);
}

function viewNotFound(id: string): AppError {
  return notFound("view_not_found", `No saved view with id "${id}"`, { field: "id" });
}

function nameTaken(name: string): AppError {
  return new AppError("view_name_taken", "conflict", `You already have a view named "${name}" on this page`, { field: "name" });
}

/** The caller's saved views of a list page (customers.read: views are of customer lists). */
export async function listSavedViews(ctx: RequestContext, deps: Deps, input: { page: string }): Promise<SavedView[]> {
  authorize(ctx, "customers.read");
  return deps.repositories.preferences.listViews(ctx.workspaceId, preferenceUserOf(ctx), input.page);
}

export async function createSavedView(ctx: RequestContext, deps: Deps, input: { page: string; name: string; query: Record<string, string> }): Promise<SavedView> {
  authorize(ctx, "customers.read");
  const name = checkName(input.name);
  const created = await deps.repositories.preferences.insertView({
    id: newId("savedView"),
    workspaceId: ctx.workspaceId,
    userId: preferenceUserOf(ctx),
    page: input.page,
    name,
    query: checkQuery(input.query),
  });
  if (!created) throw nameTaken(name);
  return created;
}

export async function updateSavedView(ctx: RequestContext, deps: Deps, input: { id: string; name?: string | undefined; query?: Record<string, string> | undefined }): Promise<SavedView> {
  authorize(ctx, "customers.read");
  const name = input.name === undefined ? undefined : checkName(input.name);
  const change = { ...(name !== undefined ? { name } : {}), ...(input.query !== undefined ? { query: checkQuery(input.query) } : {}) };
  const updated = await deps.repositories.preferences.updateView(ctx.workspaceId, preferenceUserOf(ctx), input.id, change);
  if (updated === "conflict") throw nameTaken(name ?? "");
  if (!updated) throw viewNotFound(input.id);
  return updated;
}

export async function deleteSavedView(ctx: RequestContext, deps: Deps, input: { id: string }): Promise<void> {
  authorize(ctx, "customers.read");
  if (!(await deps.repositories.preferences.deleteView(ctx.workspaceId, preferenceUserOf(ctx), input.id))) throw viewNotFound(input.id);
}
