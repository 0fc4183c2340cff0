import type { Repositories, ResponsibilityEntry } from "@tenure/domain";
import { invalidInput, newId, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** A responsibility-map line as a caller writes it. */
export type ResponsibilityInput = Pick<ResponsibilityEntry, "userId" | "teamId" | "skills" | "productIds" | "languages" | "lead" | "maxOpenCases">;

const clean = (values: readonly string[]): string[] => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))].sort();

/**
 * Create a line of the responsibility map, or replace line `id`. A line must
 * name at least one skill, product, language or a team (or it could never
 * match a case).
 */
export async function saveResponsibility(ctx: RequestContext, deps: { repositories: Pick<Repositories, "handoffs"> }, input: ResponsibilityInput, id?: string, now: Date = new Date()): Promise<ResponsibilityEntry> {
  authorize(ctx, "cases.configure");
  const skills = clean(input.skills);
  const productIds = clean(input.productIds);
  const languages = clean(input.languages.map((l) => l.toLowerCase()));
  if (skills.length + productIds.length + languages.length === 0 && input.teamId === null) throw invalidInput("skills", "Name at least one skill, product, language or a team.");
  if (input.maxOpenCases !== null && (!Number.isInteger(input.maxOpenCases) || input.maxOpenCases < 1)) throw invalidInput("max_open_cases", "The open-case limit is a whole number of at least 1.");
  const existing = id ? await deps.repositories.handoffs.findResponsibility(ctx.workspaceId, id) : null;
  if (id && !existing) throw notFound("responsibility_not_found", `Responsibility ${id} does not exist.`, { id });
  const entry: ResponsibilityEntry = {
    workspaceId: ctx.workspaceId,
    id: existing?.id ?? newId("responsibility", now.getTime()),
    userId: input.userId,
    teamId: input.teamId,
    skills,
    productIds,
    languages,
    lead: input.lead,
    maxOpenCases: input.maxOpenCases,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await deps.repositories.handoffs.saveResponsibility(entry);
  return entry;
}
