import { feedbackSources, surveyLocales, type FeedbackLanguage, type FeedbackSource } from "@tenure/domain";
import type { NewFeedback } from "./analyse-feedback.ts";

/** Longest accepted feedback text, characters. */
export const maxFeedbackLength = 10_000;

/** Raw fields of one piece of feedback (a request body or a CSV line). */
export interface RawFeedback {
  source?: string | undefined;
  text?: string | undefined;
  language?: string | undefined;
  customer_id?: string | null | undefined;
  occurred_at?: string | undefined;
  external_id?: string | null | undefined;
}

/**
 * Check the fields of one piece of feedback: the source is one of
 * feedbackSources; the text is 1 to 10,000 characters; the language is en,
 * ja, zh or ru (or a tag of one, ja-JP); occurred_at is ISO 8601 (default
 * `now`); the external id at most 200 characters. Every problem names its field.
 */
export function checkFeedbackFields(raw: RawFeedback, now: Date): { ok: true; value: NewFeedback } | { ok: false; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const source = feedbackSources.find((s) => s === raw.source?.trim());
  if (source === undefined) problems.push({ field: "source", message: `source: one of ${feedbackSources.join(", ")}, got "${raw.source ?? ""}"` });
  const text = raw.text?.trim() ?? "";
  if (text === "" || text.length > maxFeedbackLength) problems.push({ field: "text", message: `text: 1 to ${maxFeedbackLength} characters` });
  const tag = (raw.language ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  const language = surveyLocales.find((l) => l === tag);
  if (language === undefined) problems.push({ field: "language", message: `language: one of ${surveyLocales.join(", ")} (or a tag of one, e.g. ja-JP), got "${raw.language ?? ""}"` });
  const occurredText = raw.occurred_at?.trim() ?? "";
  const occurredAt = occurredText === "" ? now : new Date(occurredText);
  if (Number.isNaN(occurredAt.getTime())) problems.push({ field: "occurred_at", message: `occurred_at: an ISO 8601 date-time, got "${occurredText}"` });
  const externalId = raw.external_id?.trim() || null;
  if (externalId !== null && externalId.length > 200) problems.push({ field: "external_id", message: "external_id: at most 200 characters" });
  const customerId = raw.customer_id?.trim() || null;
  if (problems.length > 0 || source === undefined || language === undefined) return { ok: false, problems };
  return { ok: true, value: { source: source satisfies FeedbackSource, language: language satisfies FeedbackLanguage, body: text, occurredAt, externalId, customerId } };
}
