import { planDemoRecoveries, type DemoFailureCase, type DemoRecoveryStage } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import type { Mailer } from "../../surveys/mailer.ts";
import { approveRecoveryLetter } from "./approve-recovery-letter.ts";
import { completeRecoveryFollowUp } from "./complete-recovery-follow-up.ts";
import { markCompanyFailure } from "./mark-company-failure.ts";
import type { RecoveryRepositories } from "./recovery-access.ts";
import { sendRecoveryLetter } from "./send-recovery-letter.ts";
import { updateRecovery } from "./update-recovery.ts";

// The demo has no mail server: letters at the "sent" stage are rendered and
// stored exactly as a real send would store them, but not mailed.
const demoOutbox: Mailer = { send: async () => {} };

const reached = (stage: DemoRecoveryStage, step: DemoRecoveryStage): boolean => {
  const order: DemoRecoveryStage[] = ["drafted", "approved", "sent", "followed_up"];
  return order.indexOf(stage) >= order.indexOf(step);
};

/**
 * Run a few recoveries of demo failure cases through the real use cases, as
 * the demo manager (who signs), with the demo's own timestamps: drafted,
 * approved, sent (stored, not mailed) and followed up. Returns how many.
 */
export async function loadDemoRecoveries(
  deps: { repositories: RecoveryRepositories },
  input: { workspaceId: string; managerUserId: string; cases: readonly DemoFailureCase[] },
): Promise<number> {
  const ctx: RequestContext = { workspaceId: input.workspaceId, actorId: input.managerUserId, role: "manager", purpose: "service", requestId: "demo" };
  const plans = planDemoRecoveries(input.cases);
  for (const plan of plans) {
    await markCompanyFailure(ctx, deps, { caseId: plan.caseId, whatWentWrong: plan.whatWentWrong, locale: plan.locale }, plan.startedAt);
    await updateRecovery(
      ctx,
      deps,
      { caseId: plan.caseId, acknowledged: true, apologised: true, rootCause: plan.rootCause, correctiveAction: plan.correctiveAction, goodwill: plan.goodwill },
      plan.draftedAt,
    );
    if (reached(plan.stage, "approved")) await approveRecoveryLetter(ctx, deps, { caseId: plan.caseId }, plan.approvedAt);
    if (reached(plan.stage, "sent")) await sendRecoveryLetter(ctx, { ...deps, mailer: demoOutbox }, { caseId: plan.caseId }, plan.sentAt);
    if (reached(plan.stage, "followed_up")) await completeRecoveryFollowUp(ctx, deps, { caseId: plan.caseId, note: plan.followUpNote }, plan.followUpAt);
  }
  return plans.length;
}
