/**
 * Everything stored about one customer, for a data subject access request:
 * plain JSON (snake_case rows as stored), one key per kind of record.
 */
export interface DataSubjectRecords {
  customer: Record<string, unknown>;
  contacts: Record<string, unknown>[];
  orders: Record<string, unknown>[];
  order_lines: Record<string, unknown>[];
  invoices: Record<string, unknown>[];
  payments: Record<string, unknown>[];
  contracts: Record<string, unknown>[];
  events: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  scores: Record<string, unknown>[];
  assignments: Record<string, unknown>[];
  audit_of_reads: Record<string, unknown>[];
  /**
   * The customer's cases, oldest first: each case row with `status_history`
   * (`{ at, from, to }`), `events` (its whole event log), `handoffs` (their
   * briefs) and `recovery` (null, or the recovery with its letter's text and
   * the PDF as sent in `letter_pdf_base64`).
   */
  cases: Record<string, unknown>[];
  /**
   * Satisfaction records: `invitations`, `responses` (scores, comments and
   * free-text answers), `follow_ups`, `feedback` (items with their body,
   * themes and sentiment) and `summary` (the customer's satisfaction row, or null).
   */
  satisfaction: Record<string, unknown>;
}

/** What an erasure changed, for its answer and its audit row. */
export interface ErasureCounts {
  eventsPseudonymised: number;
  contactsErased: number;
  /** The customer's cases whose free text (description, resolution note, event bodies, handoff briefs) was blanked. */
  casesErased: number;
  /** Recovery letters (text, address, PDF) blanked. */
  recoveryLettersErased: number;
  /** Survey answers whose comment or free-text answers were blanked (scores stay). */
  surveyAnswersErased: number;
  /** Feedback items (survey comments, complaints, notes, posts) whose text was blanked (themes and sentiment stay). */
  feedbackItemsErased: number;
}

/** Reads and erases everything of one customer (export and erasure requests). */
export interface DataSubjectRepository {
  collect(workspaceId: string, customerId: string): Promise<DataSubjectRecords | null>;
  /**
   * Erase the customer's personal data in place: personal columns nulled,
   * external id removed, personal attribute and event-property keys (and
   * any value equal to the erased name or e-mail) removed, contacts erased,
   * cases' free text, handoff briefs and recovery letters blanked, survey
   * comments, free-text answers and feedback texts blanked; orders,
   * amounts, scores, survey ratings and case timestamps stay. Call inside a transaction.
   */
  erase(workspaceId: string, customerId: string, at: Date): Promise<ErasureCounts>;
}
