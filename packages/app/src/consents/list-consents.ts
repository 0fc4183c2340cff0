import type { ConsentRecord, Repositories } from "@tenure/domain";
import type { Purpose, RequestContext } from "@tenure/shared";
import { authorizeCustomer } from "../security/authorize.ts";
import { customerNotFound } from "../customers/customer-not-found.ts";

export interface CustomerConsents {
  /** The decision in force per purpose; purposes never decided are absent (not withdrawn). */
  current: Partial<Record<Purpose, ConsentRecord>>;
  /** Every record, newest first. */
  history: ConsentRecord[];
}

/** A customer's consents: the state per purpose and its history. */
export async function listConsents(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customers" | "consents" | "assignments"> },
  input: { customerId: string },
): Promise<CustomerConsents> {
  const customer = await deps.repositories.customers.findById(ctx.workspaceId, input.customerId);
  if (!customer) throw customerNotFound(input.customerId);
  await authorizeCustomer(ctx, deps, "consents.read", customer);
  const history = await deps.repositories.consents.list(ctx.workspaceId, customer.id);
  const current: Partial<Record<Purpose, ConsentRecord>> = {};
  for (const record of history) current[record.purpose] ??= record;
  return { current, history };
}
