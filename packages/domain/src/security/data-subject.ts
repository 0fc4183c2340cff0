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
}

/** Reads and erases everything of one customer (export and erasure requests). */
export interface DataSubjectRepository {
  collect(workspaceId: string, customerId: string): Promise<DataSubjectRecords | null>;
  /**
   * Erase the customer's personal data in place: personal columns nulled,
   * external id removed, personal attribute and event-property keys (and
   * any value equal to the erased name or e-mail) removed, contacts erased;
   * orders, amounts and scores stay. Call inside a transaction.
   */
  erase(workspaceId: string, customerId: string, at: Date): Promise<{ eventsPseudonymised: number; contactsErased: number }>;
}
