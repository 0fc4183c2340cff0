import type { CustomerProfile, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { customerNotFound } from "./customer-not-found.ts";

export type { CustomerProfile } from "@tenure/domain";

const recentEventCount = 10;

/**
 * Everything the customer page shows at once: profile, contacts, order
 * summary, the latest 10 timeline events and scores, in one database round
 * trip. Throws customer_not_found when the id is not a customer of the
 * caller's workspace.
 */
export async function getCustomerProfile(ctx: RequestContext, deps: { repositories: Pick<Repositories, "customers"> }, input: { id: string }): Promise<CustomerProfile> {
  const profile = await deps.repositories.customers.findProfile(ctx.workspaceId, input.id, { recentEvents: recentEventCount });
  if (!profile) throw customerNotFound(input.id);
  return profile;
}
