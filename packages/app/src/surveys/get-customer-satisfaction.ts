import type { Customer, CustomerSatisfaction, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorizeCustomer } from "../security/authorize.ts";

const none: CustomerSatisfaction = { nps: null, csat: null, ces: null, csi: null, csiResponses: 0, openFollowUps: 0 };

/**
 * One customer's satisfaction for the customer page: the latest NPS, CSAT
 * and CES answers, the customer's CSI (equal weights over all their complete
 * ACSI answers) and open follow-ups. One primary-key read of
 * customer_satisfaction, which database triggers keep (migration 0009).
 */
export async function getCustomerSatisfaction(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "surveys" | "assignments"> },
  customer: Customer,
): Promise<CustomerSatisfaction> {
  await authorizeCustomer(ctx, deps, "customers.read", customer);
  return (await deps.repositories.surveys.customerSatisfaction(ctx.workspaceId, customer.id)) ?? none;
}
