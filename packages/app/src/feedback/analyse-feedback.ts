import { defaultThemeDictionaries, scoreSentiment, tagThemes, type FeedbackItem, type FeedbackLanguage, type FeedbackSource, type Repositories, type ThemeDictionary } from "@tenure/domain";
import { newId } from "@tenure/shared";

/** The dictionary in force for a language: the workspace's own, else the default. */
export async function themeDictionaryOf(deps: { repositories: Pick<Repositories, "feedback"> }, workspaceId: string, language: FeedbackLanguage): Promise<ThemeDictionary> {
  return (await deps.repositories.feedback.findDictionary(workspaceId, language)) ?? defaultThemeDictionaries[language];
}

export interface NewFeedback {
  customerId: string | null;
  source: FeedbackSource;
  externalId: string | null;
  language: FeedbackLanguage;
  body: string;
  occurredAt: Date;
}

/**
 * A feedback item ready to store: tagged with the themes of the given
 * dictionary and scored for sentiment. Pass the dictionary in when tagging
 * many items of one language.
 */
export function analyseFeedback(workspaceId: string, input: NewFeedback, dictionary: ThemeDictionary, now: Date): FeedbackItem {
  return {
    id: newId("feedback", now.getTime()),
    workspaceId,
    customerId: input.customerId,
    source: input.source,
    externalId: input.externalId,
    language: input.language,
    body: input.body,
    themes: tagThemes(input.body, input.language, dictionary),
    sentiment: scoreSentiment(input.body, input.language),
    occurredAt: input.occurredAt,
    createdAt: now,
  };
}

/**
 * A survey comment flows into feedback (source survey, external id = the
 * response id, so the same answer never counts twice). Runs inside the
 * caller's transaction; does nothing for an empty comment.
 */
export async function recordSurveyComment(
  tx: Pick<Repositories, "feedback">,
  workspaceId: string,
  response: { id: string; customerId: string | null; comment: string | null; respondedAt: Date; language: FeedbackLanguage },
  now: Date,
): Promise<void> {
  const body = response.comment?.trim() ?? "";
  if (body === "") return;
  const dictionary = await themeDictionaryOf({ repositories: tx }, workspaceId, response.language);
  const item = analyseFeedback(workspaceId, { customerId: response.customerId, source: "survey", externalId: response.id, language: response.language, body, occurredAt: response.respondedAt }, dictionary, now);
  await tx.feedback.insertFeedback(item);
}
