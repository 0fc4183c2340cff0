import type { CustomerProfile, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { isInScope, authorize } from "../security/authorize.ts";
import { revealPersonalData } from "../security/reveal-personal-data.ts";
import { customerNotFound } from "./customer-not-found.ts";

export type { CustomerProfile } from "@tenure/domain";

const recentEventCount = 10;

/**
 * Everything the customer page shows at once: profile, contacts, order
 * summary, the latest 10 timeline events and scores, in one database round
 * trip. Throws customer_not_found when the id is not a customer of the
 * caller's workspace.
 */
export async function getCustomerProfile(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customers" | "assignments" | "consents" | "audit"> },
  input: { id: string },
): Promise<CustomerProfile> {
  authorize(ctx, "customers.read");
  const profile = await deps.repositories.customers.findProfile(ctx.workspaceId, input.id, { recentEvents: recentEventCount });
  if (!profile || !(await isInScope(ctx, deps, profile.customer))) throw customerNotFound(input.id);
  // Personal data: unmasked only for an allowed purpose, and then audited.
  const [shown] = await revealPersonalData(ctx, deps, [{ customer: profile.customer, contacts: profile.contacts, events: profile.recentEvents }]);
  return shown ? { ...profile, customer: shown.customer, contacts: shown.contacts ?? [], recentEvents: shown.events ?? [] } : profile;
}
