/** A named filter, sort and column set of a list page, kept per user. */
export interface SavedView {
  id: string;
  workspaceId: string;
  userId: string;
  /** Which list it belongs to, e.g. "customers". */
  page: string;
  name: string;
  /** The list's query parameters (q, type, country, sort, …) as strings. */
  query: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

/** A view to store; the database sets its times. */
export type NewSavedView = Omit<SavedView, "createdAt" | "updatedAt">;

/** What a user keeps for themself: their language and saved list views. */
export interface PreferenceRepository {
  locale(workspaceId: string, userId: string): Promise<string | null>;
  setLocale(workspaceId: string, userId: string, locale: string): Promise<void>;
  listViews(workspaceId: string, userId: string, page: string): Promise<SavedView[]>;
  /** Null when the user already has a view of that name on that page. */
  insertView(view: NewSavedView): Promise<SavedView | null>;
  /** Null when there is no such view of this user (or the new name is taken: `conflict`). */
  updateView(workspaceId: string, userId: string, id: string, change: { name?: string; query?: Record<string, string> }): Promise<SavedView | "conflict" | null>;
  deleteView(workspaceId: string, userId: string, id: string): Promise<boolean>;
}
