import type { SurveyLocale } from "../surveys/survey-locale.ts";

/** Where a piece of feedback came from. */
export type FeedbackSource = "survey" | "complaint" | "contact_centre" | "social" | "other";

export const feedbackSources: readonly FeedbackSource[] = ["survey", "complaint", "contact_centre", "social", "other"];

/** Feedback is analysed in the survey languages (en, ja, zh, ru). */
export type FeedbackLanguage = SurveyLocale;

/** One comment, complaint, note or post, tagged with themes and a sentiment score. */
export interface FeedbackItem {
  id: string;
  workspaceId: string;
  customerId: string | null;
  source: FeedbackSource;
  /** The sender's own id; a second item with the same source and external id is not stored again. */
  externalId: string | null;
  language: FeedbackLanguage;
  body: string;
  themes: string[];
  /** Lexicon sentiment, −1 (negative) … 1 (positive). */
  sentiment: number;
  occurredAt: Date;
  createdAt: Date;
}

/** Counts of one theme in one ISO week (Monday 00:00 UTC). */
export interface ThemeWeekCount {
  theme: string;
  /** YYYY-MM-DD of the week's Monday. */
  week: string;
  count: number;
  /** Mean sentiment of the week's items with the theme. */
  sentiment: number;
}

/** Feedback items and the workspace's theme dictionaries. */
export interface FeedbackRepository {
  /** False when an item with the same source and external id exists (nothing stored). */
  insertFeedback(item: FeedbackItem): Promise<boolean>;
  /** Many items in few statements (demo load); duplicates are skipped. Returns how many were stored. */
  insertFeedbackItems(items: readonly FeedbackItem[]): Promise<number>;
  /** Items per theme and week with occurred_at in [from, to). */
  themeWeekCounts(workspaceId: string, query: { from: Date; to: Date }): Promise<ThemeWeekCount[]>;
  /** The workspace's own dictionary for a language, or null (the default applies). */
  findDictionary(workspaceId: string, language: FeedbackLanguage): Promise<ThemeDictionary | null>;
  saveDictionary(workspaceId: string, language: FeedbackLanguage, themes: ThemeDictionary, at: Date): Promise<void>;
}

/** Theme name → keywords. A keyword ending in `*` matches as a prefix (see tagThemes). */
export type ThemeDictionary = Record<string, string[]>;
