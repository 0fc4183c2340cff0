import { defaultRisingTest, risingVerdict, type Repositories } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

export interface ThemeWeekly {
  theme: string;
  /** One count per week of the view, oldest first. */
  counts: number[];
  /** Mean sentiment of the theme's items per week (null in a week without any). */
  sentiment: (number | null)[];
  total: number;
  /** The last complete week was significantly above the theme's own trailing mean. */
  rising: boolean;
  baseline: number | null;
  pValue: number | null;
}

export interface FeedbackThemesReport {
  /** Mondays (YYYY-MM-DD, UTC) of the weeks shown, oldest first; the last is the current, partial week. */
  weeks: string[];
  /** The week the rising test looks at: the last complete one. */
  testedWeek: string;
  themes: ThemeWeekly[];
  test: typeof defaultRisingTest;
}

const week = 7 * 86_400_000;

function mondayOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
}

/**
 * Feedback per theme and ISO week (UTC) over the last `weeks` weeks up to
 * the current one (or the week of `until`), and which themes are rising: the last complete week's
 * count against the theme's own trailing mean (risingVerdict: Poisson test,
 * minimum count). The history used by the test is read even when the view
 * is shorter. Themes with most items first.
 */
export async function getFeedbackThemes(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "feedback"> },
  input: { weeks?: number; until?: Date },
  now: Date = new Date(),
): Promise<FeedbackThemesReport> {
  authorize(ctx, "analytics.read");
  const weeks = input.weeks ?? 12;
  if (!Number.isInteger(weeks) || weeks < 2 || weeks > 104) throw new AppError("invalid_weeks", "invalid_input", `weeks: a whole number from 2 to 104, got ${weeks}`, { field: "weeks" });
  const current = mondayOf(input.until ?? now);
  // the tested week (current − 1) needs historyWeeks before it
  const span = Math.max(weeks, defaultRisingTest.historyWeeks + 2);
  const from = new Date(current.getTime() - (span - 1) * week);
  const rows = await deps.repositories.feedback.themeWeekCounts(ctx.workspaceId, { from, to: new Date(current.getTime() + week) });
  const allWeeks = Array.from({ length: span }, (_, i) => new Date(from.getTime() + i * week).toISOString().slice(0, 10));
  const byTheme = new Map<string, Map<string, { count: number; sentiment: number }>>();
  for (const r of rows) {
    const weeksOf = byTheme.get(r.theme) ?? new Map<string, { count: number; sentiment: number }>();
    weeksOf.set(r.week, { count: r.count, sentiment: r.sentiment });
    byTheme.set(r.theme, weeksOf);
  }
  const shown = allWeeks.slice(span - weeks);
  const themes = [...byTheme.entries()].map(([theme, weeksOf]) => {
    const all = allWeeks.map((w) => weeksOf.get(w)?.count ?? 0);
    const verdict = risingVerdict(all.slice(0, -1));
    const counts = all.slice(span - weeks);
    return {
      theme,
      counts,
      sentiment: shown.map((w) => weeksOf.get(w)?.sentiment ?? null),
      total: counts.reduce((a, b) => a + b, 0),
      rising: verdict.rising,
      baseline: verdict.baseline === null ? null : Math.round(verdict.baseline * 100) / 100,
      pValue: verdict.pValue,
    };
  });
  themes.sort((a, b) => b.total - a.total || a.theme.localeCompare(b.theme));
  return { weeks: shown, testedWeek: allWeeks[span - 2] ?? "", themes, test: defaultRisingTest };
}
