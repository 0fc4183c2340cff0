import { defaultThemeDictionaries, followUpDueHours, planDemoSurveys, standardQuestions, type DemoDataset, type FeedbackItem, type FollowUpTask, type Repositories, type Survey, type SurveyKind, type SurveyResponse } from "@tenure/domain";
import { newId } from "@tenure/shared";
import { analyseFeedback } from "../feedback/analyse-feedback.ts";

const outcomes = {
  done: "Called the customer, apologised and fixed the cause; they will give us another chance.",
  cancelled: "Could not reach the customer after three attempts.",
} as const;

/**
 * The demo's satisfaction data (planDemoSurveys): a relationship NPS survey
 * and an ACSI survey with answers that follow the customers' behaviour,
 * comments in the customers' languages stored as feedback (themes,
 * sentiment), and a follow-up for every detractor at its stage (old ones
 * done or cancelled, recent ones open — overdue by now — or in progress).
 * One transaction; the customer summaries fill through the database triggers.
 */
export async function loadDemoSurveys(
  deps: { repositories: Pick<Repositories, "transaction" | "surveys" | "feedback"> },
  dataset: DemoDataset,
  options: { today: Date; seed: number },
): Promise<{ responses: number; feedback: number; followUps: number }> {
  const answers = planDemoSurveys(dataset, options.today, options.seed);
  const owners = new Map(dataset.customers.map((c) => [c.id, c.ownerUserId]));
  const ws = dataset.workspace.id;
  return deps.repositories.transaction(async (tx) => {
    const survey = async (name: string, kind: Exclude<SurveyKind, "custom">): Promise<Survey> => {
      const s: Survey = { id: newId("survey", dataset.workspace.createdAt.getTime()), workspaceId: ws, name, kind, purpose: "service", questions: standardQuestions(kind), createdAt: dataset.workspace.createdAt, archivedAt: null };
      await tx.surveys.insertSurvey(s);
      return s;
    };
    const nps = await survey("Relationship NPS", "nps");
    const acsi = await survey("Satisfaction index (ACSI)", "acsi");
    const none = { nps: null, csat: null, ces: null, acsiOverall: null, acsiExpectations: null, acsiIdeal: null };
    const responses: SurveyResponse[] = [];
    const feedback: FeedbackItem[] = [];
    const followUps: FollowUpTask[] = [];
    for (const a of answers) {
      const responseId = newId("surveyResponse", a.respondedAt.getTime());
      const base = { workspaceId: ws, customerId: a.customerId, invitationId: null, externalId: null, source: "import" as const, respondedAt: a.respondedAt, locale: a.locale };
      responses.push({ ...base, id: responseId, surveyId: nps.id, scores: { ...none, nps: a.nps }, comment: a.comment, answers: { nps: a.nps, ...(a.comment ? { comment: a.comment } : {}) } });
      if (a.acsi !== null) {
        const [overall, expectations, ideal] = a.acsi;
        responses.push({
          ...base,
          id: newId("surveyResponse", a.respondedAt.getTime()),
          surveyId: acsi.id,
          scores: { ...none, acsiOverall: overall, acsiExpectations: expectations, acsiIdeal: ideal },
          comment: null,
          answers: { acsi_overall: overall, acsi_expectations: expectations, acsi_ideal: ideal },
        });
      }
      if (a.comment !== null) {
        const input = { customerId: a.customerId, source: "survey" as const, externalId: responseId, language: a.locale, body: a.comment, occurredAt: a.respondedAt };
        feedback.push(analyseFeedback(ws, input, defaultThemeDictionaries[a.locale], a.respondedAt));
      }
      if (a.followUp !== null) {
        const closed = a.followUp === "done" || a.followUp === "cancelled";
        followUps.push({
          id: newId("followUp", a.respondedAt.getTime()),
          workspaceId: ws,
          customerId: a.customerId,
          responseId,
          ownerUserId: owners.get(a.customerId) ?? null,
          reason: "detractor",
          status: a.followUp,
          outcome: closed ? outcomes[a.followUp as keyof typeof outcomes] : null,
          dueAt: new Date(a.respondedAt.getTime() + followUpDueHours * 3_600_000),
          createdAt: a.respondedAt,
          closedAt: closed ? new Date(a.respondedAt.getTime() + 36 * 3_600_000) : null,
        });
      }
    }
    // responses first: the follow-ups' trigger counts open tasks per customer
    return {
      responses: await tx.surveys.insertResponses(responses),
      feedback: await tx.feedback.insertFeedbackItems(feedback),
      followUps: await tx.surveys.insertFollowUps(followUps),
    };
  });
}
