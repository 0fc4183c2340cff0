import { checkHealth } from "@tenure/app";
import { healthSchema, problemSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../http/api-server.ts";
import { sendProblem } from "../http/error-handling.ts";
import { problem } from "../http/problem-details.ts";

/** GET /healthz: 200 {"status":"ok"} when the database answers, 503 problem otherwise. No authentication. */
export async function healthRoute(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/healthz",
    {
      config: { auth: "none" },
      schema: { tags: ["system"], summary: "Liveness and database check", response: { 200: healthSchema, 503: problemSchema } },
    },
    async (request, reply) => {
      const health = await checkHealth(deps);
      if (health.database !== "ok") {
        return sendProblem(reply, problem(503, "database_unavailable", "The database does not answer", request.id));
      }
      return { status: "ok" as const };
    },
  );
}
