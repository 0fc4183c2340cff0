import type { Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/**
 * Delete an SLA policy or a business calendar. Clocks already stored keep
 * their values until the next recompute, which applies the remaining ones.
 */
export async function deleteSlaConfiguration(ctx: RequestContext, deps: { repositories: Pick<Repositories, "slas"> }, what: { kind: "policy" | "calendar"; id: string }): Promise<void> {
  authorize(ctx, "cases.configure");
  const slas = deps.repositories.slas;
  const deleted = what.kind === "policy" ? await slas.deletePolicy(ctx.workspaceId, what.id) : await slas.deleteCalendar(ctx.workspaceId, what.id);
  if (!deleted) throw notFound(what.kind === "policy" ? "sla_policy_not_found" : "business_calendar_not_found", `${what.kind === "policy" ? "SLA policy" : "Business calendar"} ${what.id} does not exist.`, { id: what.id });
}
