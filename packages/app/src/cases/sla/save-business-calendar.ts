import { validateWorkingTime, type BusinessCalendar, type Repositories } from "@tenure/domain";
import { newId, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";
import { throwIfFieldErrors } from "./sla-field-errors.ts";

/** A calendar as a caller writes it. */
export type BusinessCalendarInput = Pick<BusinessCalendar, "name" | "timeZone" | "teamId" | "isDefault" | "hours" | "holidays">;

/**
 * Create a business calendar, or replace calendar `id`. Refused with every
 * field error listed (details.errors); a team has at most one calendar and
 * the workspace one default (conflict otherwise).
 */
export async function saveBusinessCalendar(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "slas"> },
  input: BusinessCalendarInput,
  id?: string,
  now: Date = new Date(),
): Promise<BusinessCalendar> {
  authorize(ctx, "cases.configure");
  const errors = validateWorkingTime(input);
  if (input.name.trim() === "") errors.unshift({ field: "name", message: "A calendar needs a name." });
  throwIfFieldErrors(errors);
  const slas = deps.repositories.slas;
  const existing = id ? await slas.findCalendar(ctx.workspaceId, id) : null;
  if (id && !existing) throw notFound("business_calendar_not_found", `Business calendar ${id} does not exist.`, { id });
  const calendar: BusinessCalendar = {
    ...input,
    name: input.name.trim(),
    holidays: [...new Set(input.holidays)].sort(),
    workspaceId: ctx.workspaceId,
    id: existing?.id ?? newId("businessCalendar", now.getTime()),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await slas.saveCalendar(calendar);
  return calendar;
}
