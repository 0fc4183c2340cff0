import { describe, expect, it } from "vitest";
import { standardQuestions, type SurveyPage } from "@tenure/domain";
import { createSurveyPageCache } from "./survey-page-cache.ts";

/** A survey store whose rows have versions, counting its reads. */
function surveyStore() {
  const rows = new Map<string, SurveyPage>();
  const reads: string[] = [];
  const put = (surveyId: string, version: string, company = "Acme") =>
    rows.set(surveyId, {
      survey: { id: surveyId, workspaceId: "ws_1", name: surveyId, kind: "nps", purpose: "service", questions: standardQuestions("nps"), createdAt: new Date(0), archivedAt: null },
      company,
      version,
    });
  const surveys = {
    findSurveyPage: async (_workspaceId: string, surveyId: string) => {
      reads.push(surveyId);
      return rows.get(surveyId) ?? null;
    },
  };
  return { rows, reads, put, surveys };
}

describe("survey page cache", () => {
  it("reads a survey once while its version stays, and again as soon as it changes", async () => {
    const store = surveyStore();
    const cache = createSurveyPageCache();
    store.put("srv_1", "v1");
    const first = await cache.find(store.surveys, "ws_1", "srv_1", "v1");
    const second = await cache.find(store.surveys, "ws_1", "srv_1", "v1");
    expect(second).toBe(first);
    expect(store.reads).toEqual(["srv_1"]);
    store.put("srv_1", "v2", "Acme Japan");
    const edited = await cache.find(store.surveys, "ws_1", "srv_1", "v2");
    expect(edited?.company).toBe("Acme Japan");
    expect(await cache.find(store.surveys, "ws_1", "srv_1", "v2")).toBe(edited);
    expect(store.reads).toEqual(["srv_1", "srv_1"]);
  });

  it("answers null for a survey that is gone, and keeps at most its number of surveys", async () => {
    const store = surveyStore();
    const cache = createSurveyPageCache(2);
    store.put("srv_1", "v1");
    expect(await cache.find(store.surveys, "ws_1", "srv_1", "v1")).not.toBeNull();
    store.rows.delete("srv_1");
    expect(await cache.find(store.surveys, "ws_1", "srv_1", "v2")).toBeNull();
    for (const id of ["srv_a", "srv_b", "srv_c"]) store.put(id, "v1");
    for (const id of ["srv_a", "srv_b", "srv_c", "srv_c", "srv_b", "srv_a"]) await cache.find(store.surveys, "ws_1", id, "v1");
    // srv_a was dropped to make room for srv_c; srv_b and srv_c were kept
    expect(store.reads).toEqual(["srv_1", "srv_1", "srv_a", "srv_b", "srv_c", "srv_a"]);
  });
});
