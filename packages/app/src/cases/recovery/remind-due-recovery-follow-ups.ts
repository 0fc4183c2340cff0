import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";
import { stepRecord } from "./recovery-access.ts";

/**
 * Remind the owners of cases whose recovery follow-up came due by `now` and
 * is not done: each such recovery gets the step `follow_up_due` once — the
 * case event recovery.follow_up_due naming the owner (data.owner_user_id)
 * and the due time, and the customer's timeline. Run again, it reminds of
 * nothing twice. The `recovery-follow-ups` job runs this every hour.
 */
export async function remindDueRecoveryFollowUps(ctx: RequestContext, deps: { repositories: Pick<Repositories, "transaction"> }, now: Date = new Date()): Promise<{ reminded: number }> {
  authorize(ctx, "cases.write");
  return deps.repositories.transaction(async (tx) => {
    const due = await tx.recoveries.claimDueFollowUps(ctx.workspaceId, now);
    await tx.recoveries.recordSteps(due.map((d) => stepRecord(ctx, d, "follow_up_due", now, null, { due_at: d.followUpDueAt.toISOString(), owner_user_id: d.ownerUserId })));
    return { reminded: due.length };
  });
}
