import { surveyTriggerKinds, triggerSurveyKind, type Repositories, type SurveyTriggerCandidate, type SurveyTriggerKind, type SurveyTriggerSettings } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { createSurvey } from "./create-survey.ts";
import { sendSurvey, type SendSurveyDeps } from "./send-survey.ts";

/** What one sweep of a workspace did. */
export interface SurveyTriggerSweep {
  enabled: boolean;
  sent: number;
  skipped: number;
  failed: number;
  byKind: Record<SurveyTriggerKind, { sent: number; skipped: number; failed: number }>;
}

/** Names of the surveys a sweep creates when the workspace has none of the kind. */
const automaticSurveyNames: Record<SurveyTriggerKind, string> = {
  case_resolved: "Automatic: after a resolved case (CES + CSAT)",
  relationship: "Automatic: relationship NPS",
  onboarding: "Automatic: after onboarding (CSAT)",
  exit: "Automatic: exit survey (NPS)",
};

/**
 * The automatic survey triggers of one workspace (job `survey-triggers`,
 * every 5 minutes and right after a case is resolved): CES + CSAT after a
 * resolved case, relationship NPS on a cadence, CSAT after the onboarding
 * milestone, NPS when a customer churns. Each due customer goes through
 * sendSurvey, so the frequency cap and consent for the survey's purpose
 * apply. Every trigger is recorded once under its key (survey_trigger_runs),
 * with its outcome — sent, skipped (cap, consent, no address) or failed
 * (e.g. mail refused) — so it never fires twice; a failed send is tried
 * again 15 minutes, 1 hour and 4 hours later, then given up. Off unless the workspace
 * turned it on (PUT /api/surveys/triggers). At most `limitPerKind` customers
 * per trigger and sweep; the next sweep continues.
 */
export async function runSurveyTriggers(
  ctx: RequestContext,
  deps: SendSurveyDeps & { repositories: Pick<Repositories, "transaction" | "surveys" | "customers" | "assignments" | "consents"> },
  options: { now?: Date; limitPerKind?: number } = {},
): Promise<SurveyTriggerSweep> {
  authorize(ctx, "customers.update");
  const now = options.now ?? new Date();
  const settings = await deps.repositories.surveys.findTriggerSettings(ctx.workspaceId);
  const zero = () => ({ sent: 0, skipped: 0, failed: 0 });
  const sweep: SurveyTriggerSweep = { enabled: settings.enabled, sent: 0, skipped: 0, failed: 0, byKind: { case_resolved: zero(), relationship: zero(), onboarding: zero(), exit: zero() } };
  if (!settings.enabled) return sweep;
  for (const kind of surveyTriggerKinds) {
    const due = await deps.repositories.surveys.triggerCandidates(ctx.workspaceId, kind, settings, now, options.limitPerKind ?? 200);
    if (due.length === 0) continue;
    const surveyId = await surveyFor(ctx, deps, kind, now);
    for (const candidate of due) {
      const outcome = await fire(ctx, deps, settings, surveyId, candidate, now);
      if (outcome === null) continue;
      sweep[outcome]++;
      sweep.byKind[kind][outcome]++;
    }
  }
  return sweep;
}

async function surveyFor(ctx: RequestContext, deps: { repositories: Pick<Repositories, "surveys"> }, kind: SurveyTriggerKind, now: Date): Promise<string> {
  const existing = await deps.repositories.surveys.findSurveyOfKind(ctx.workspaceId, triggerSurveyKind[kind]);
  if (existing !== null) return existing;
  return (await createSurvey(ctx, deps, { name: automaticSurveyNames[kind], kind: triggerSurveyKind[kind] }, now)).id;
}

/** Claim the trigger and send in one transaction; a failure is recorded in its own. Null when another sweep had claimed it. */
async function fire(
  ctx: RequestContext,
  deps: SendSurveyDeps,
  settings: SurveyTriggerSettings,
  surveyId: string,
  candidate: SurveyTriggerCandidate,
  now: Date,
): Promise<"sent" | "skipped" | "failed" | null> {
  const run = { workspaceId: ctx.workspaceId, key: candidate.key, kind: candidate.kind, customerId: candidate.customerId, caseId: candidate.caseId, createdAt: now };
  try {
    return await deps.repositories.transaction(async (tx) => {
      if (!(await tx.surveys.claimTrigger({ ...run, outcome: "skipped", reason: "pending", invitationId: null }))) return null;
      const result = await sendSurvey(ctx, { ...deps, repositories: tx }, { surveyId, customerId: candidate.customerId, channel: settings.channel, trigger: { kind: candidate.kind, caseId: candidate.caseId } }, now);
      if (result.status === "sent") await tx.surveys.finishTrigger(ctx.workspaceId, candidate.key, "sent", null, result.invitationId);
      else await tx.surveys.finishTrigger(ctx.workspaceId, candidate.key, "skipped", result.reason, null);
      return result.status === "sent" ? "sent" : "skipped";
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const claimed = await deps.repositories.surveys.claimTrigger({ ...run, outcome: "failed", reason, invitationId: null });
    return claimed ? "failed" : null;
  }
}
