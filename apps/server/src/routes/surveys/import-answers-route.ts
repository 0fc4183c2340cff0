import { importSurveyAnswers } from "@tenure/app";
import { answerImportResultSchema } from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { csvRouteScope, maxCsvBytes } from "./csv-route-scope.ts";

/** POST /api/surveys/{id}/answers/import with a text/csv body. */
export async function importAnswersRoute(app: ApiServer, deps: AppDeps): Promise<void> {
  await csvRouteScope(app, (scope) => {
    scope.post(
      "/api/surveys/:id/answers/import",
      {
        bodyLimit: maxCsvBytes,
        schema: {
          tags: ["surveys"],
          ...routePermission("imports.run"),
          summary: "Import answers from another survey tool (CSV)",
          description:
            "Header: responded_at (required), customer_id, external_id, locale, and one column per question id. Every line is checked first; any refused line → 400 listing each (line, field, message) and nothing is stored.",
          params: z.object({ id: z.string() }),
          body: z.string().describe("text/csv"),
          response: { 200: answerImportResultSchema, 400: answerImportResultSchema.or(problemResponses[400]), 401: problemResponses[401], 404: problemResponses[404], 500: problemResponses[500] },
        },
      },
      async (request, reply) => {
        const result = await importSurveyAnswers(requestContext(request), deps, { surveyId: request.params.id, csv: request.body });
        if (!result.ok) return reply.code(400).send({ imported: 0, duplicates: 0, problems: result.problems });
        return { imported: result.imported, duplicates: result.duplicates, problems: [] };
      },
    );
  });
}
