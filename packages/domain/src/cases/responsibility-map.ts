/**
 * One line of the responsibility map: a person, the team they work in and
 * what they know — skills (case categories), products and languages.
 * `lead` marks the people told when a case of their team breaches its SLA.
 */
export interface ResponsibilityEntry {
  workspaceId: string;
  id: string;
  userId: string;
  teamId: string | null;
  skills: string[];
  productIds: string[];
  languages: string[];
  lead: boolean;
  /** Open cases above which the person is not proposed (null: no limit). */
  maxOpenCases: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a proposal matches against. */
export interface HandoffNeed {
  category: string | null;
  productId: string | null;
  /** The customer's language (BCP 47; only the primary subtag is compared). */
  language: string | null;
  teamId: string | null;
  /** Who owns the case now: never proposed. */
  currentOwnerUserId: string | null;
}

/** One proposed specialist with the reasons. */
export interface SpecialistProposal {
  userId: string;
  teamId: string | null;
  score: number;
  matched: ("product" | "skill" | "language" | "team")[];
  openCases: number;
}

const weights = { product: 4, skill: 3, language: 2, team: 1 } as const;

const primaryLanguage = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? "";

/**
 * Rank specialists for a case: a product match weighs 4, a skill (category)
 * match 3, a language match 2, the case's team 1; people matching nothing are
 * left out, and so are those at their open-case limit. Equal scores go to the
 * one with fewer open cases, then by user id. One user with several entries
 * counts with their best entry.
 */
export function rankSpecialists(entries: readonly ResponsibilityEntry[], need: HandoffNeed, openCasesByUser: ReadonlyMap<string, number>): SpecialistProposal[] {
  const best = new Map<string, SpecialistProposal>();
  for (const entry of entries) {
    if (entry.userId === need.currentOwnerUserId) continue;
    const openCases = openCasesByUser.get(entry.userId) ?? 0;
    if (entry.maxOpenCases !== null && openCases >= entry.maxOpenCases) continue;
    const matched: SpecialistProposal["matched"] = [];
    if (need.productId && entry.productIds.includes(need.productId)) matched.push("product");
    if (need.category && entry.skills.some((s) => s.toLowerCase() === need.category?.toLowerCase())) matched.push("skill");
    if (need.language && entry.languages.some((l) => primaryLanguage(l) === primaryLanguage(need.language ?? ""))) matched.push("language");
    if (need.teamId && entry.teamId === need.teamId) matched.push("team");
    if (matched.length === 0) continue;
    const score = matched.reduce((sum, m) => sum + weights[m], 0);
    const previous = best.get(entry.userId);
    if (!previous || score > previous.score) best.set(entry.userId, { userId: entry.userId, teamId: entry.teamId, score, matched, openCases });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.openCases - b.openCases || (a.userId < b.userId ? -1 : 1));
}
