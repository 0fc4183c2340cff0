import type { BusinessCalendar, Repositories, SlaPolicy } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/** The workspace's SLA policies (by position) and business calendars. */
export async function listSlaConfiguration(ctx: RequestContext, deps: { repositories: Pick<Repositories, "slas"> }): Promise<{ policies: SlaPolicy[]; calendars: BusinessCalendar[] }> {
  authorize(ctx, "cases.configure");
  const [policies, calendars] = await Promise.all([deps.repositories.slas.listPolicies(ctx.workspaceId), deps.repositories.slas.listCalendars(ctx.workspaceId)]);
  return { policies, calendars };
}
