import { standardQuestions, type Repositories, type Survey, type SurveyKind } from "@tenure/domain";
import { AppError, newId, type Purpose, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

export interface CreateSurveyInput {
  name: string;
  kind: Exclude<SurveyKind, "custom">;
  /** Consent purpose it is sent under (default service). */
  purpose?: Purpose;
}

/** Create a survey of a standard kind (NPS, CSAT, CES 2.0 with CSAT, ACSI) with its standard questions. */
export async function createSurvey(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "surveys"> },
  input: CreateSurveyInput,
  now: Date = new Date(),
): Promise<Survey> {
  authorize(ctx, "analytics.run");
  const name = input.name.trim();
  if (name === "" || name.length > 200) throw new AppError("invalid_survey", "invalid_input", "name: must be 1 to 200 characters", { field: "name" });
  const survey: Survey = {
    id: newId("survey", now.getTime()),
    workspaceId: ctx.workspaceId,
    name,
    kind: input.kind,
    purpose: input.purpose ?? "service",
    questions: standardQuestions(input.kind),
    createdAt: now,
    archivedAt: null,
  };
  await deps.repositories.surveys.insertSurvey(survey);
  return survey;
}
