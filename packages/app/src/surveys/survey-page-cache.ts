import type { SurveyPage, SurveyRepository } from "@tenure/domain";

/**
 * The surveys (with the workspace's name) the public page shows, kept in
 * this process so the page reads only the invitation. An entry is used only
 * while its version is the one the invitation's query reports — editing the
 * survey or renaming the workspace changes it — so an edit shows on the next
 * request, in every process, with no expiry to wait for. At most
 * `maxEntries` surveys; the one stored first is dropped first.
 */
export interface SurveyPageCache {
  find(surveys: Pick<SurveyRepository, "findSurveyPage">, workspaceId: string, surveyId: string, version: string): Promise<SurveyPage | null>;
}

export function createSurveyPageCache(maxEntries = 1000): SurveyPageCache {
  const pages = new Map<string, SurveyPage>();
  return {
    async find(surveys, workspaceId, surveyId, version) {
      const key = `${workspaceId}/${surveyId}`;
      const cached = pages.get(key);
      if (cached?.version === version) return cached;
      const page = await surveys.findSurveyPage(workspaceId, surveyId);
      pages.delete(key);
      if (page === null) return null;
      const oldest = pages.size >= maxEntries ? pages.keys().next() : null;
      if (oldest && !oldest.done) pages.delete(oldest.value);
      pages.set(key, page);
      return page;
    },
  };
}
