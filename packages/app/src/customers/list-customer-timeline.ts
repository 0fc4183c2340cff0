import { encodePageCursor, timelineOrder, type Repositories, type TimelineEvent } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize, isInScope } from "../security/authorize.ts";
import { revealPersonalData } from "../security/reveal-personal-data.ts";
import { checkLimit } from "./check-limit.ts";
import { customerNotFound } from "./customer-not-found.ts";
import { decodeCursorOrThrow } from "./decode-cursor-or-throw.ts";

export interface ListCustomerTimelineInput {
  customerId: string;
  /** Only these event types (e.g. customer.updated); empty or absent for all. */
  types?: string[] | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface CustomerTimeline {
  items: TimelineEvent[];
  nextCursor: string | null;
}

/** One page of a customer's timeline, newest first; throws customer_not_found for an id outside the workspace. */
export async function listCustomerTimeline(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customers" | "assignments" | "consents" | "audit"> },
  input: ListCustomerTimelineInput,
): Promise<CustomerTimeline> {
  authorize(ctx, "customers.read");
  const limit = checkLimit(input.limit);
  const after = decodeCursorOrThrow(input.cursor, timelineOrder);
  const customers = deps.repositories.customers;
  const [customer, page] = await Promise.all([
    customers.findById(ctx.workspaceId, input.customerId),
    customers.listTimeline(ctx.workspaceId, input.customerId, { types: input.types ?? [], after, limit }),
  ]);
  if (!customer || !(await isInScope(ctx, deps, customer))) throw customerNotFound(input.customerId);
  // Event properties may carry personal data (identify traits): masked unless the purpose allows, audited if shown.
  const [shown] = await revealPersonalData(ctx, deps, [{ customer, events: page.items }]);
  return { items: shown?.events ?? [], nextCursor: page.next ? encodePageCursor(page.next) : null };
}
