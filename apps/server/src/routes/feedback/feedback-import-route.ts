import { importFeedback } from "@tenure/app";
import { feedbackImportResultSchema } from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { csvRouteScope, maxCsvBytes } from "../surveys/csv-route-scope.ts";

/** POST /api/feedback/import with a text/csv body. */
export async function feedbackImportRoute(app: ApiServer, deps: AppDeps): Promise<void> {
  await csvRouteScope(app, (scope) => {
    scope.post(
      "/api/feedback/import",
      {
        bodyLimit: maxCsvBytes,
        schema: {
          tags: ["feedback"],
          ...routePermission("imports.run"),
          summary: "Import feedback (CSV)",
          description:
            "Header: source, text, language (required), customer_id, occurred_at, external_id. Every line is checked first; any refused line → 400 listing each (line, field, message) and nothing is stored. Lines already imported (same source and external_id) count as duplicates.",
          body: z.string().describe("text/csv"),
          response: { 200: feedbackImportResultSchema, 400: feedbackImportResultSchema.or(problemResponses[400]), 401: problemResponses[401], 500: problemResponses[500] },
        },
      },
      async (request, reply) => {
        const result = await importFeedback(requestContext(request), deps, { csv: request.body });
        if (!result.ok) return reply.code(400).send({ imported: 0, duplicates: 0, problems: result.problems });
        return { imported: result.imported, duplicates: result.duplicates, problems: [] };
      },
    );
  });
}
