import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ApiServer } from "../../http/api-server.ts";

/** Largest CSV body the import routes accept. */
export const maxCsvBytes = 20 * 1024 * 1024;

/** Register routes in a scope that reads text/csv bodies as one string (survey answers, feedback). */
export async function csvRouteScope(app: ApiServer, routes: (scope: ApiServer) => void): Promise<void> {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: maxCsvBytes }, (_request, body, done) => done(null, String(body)));
    routes(scope);
  });
}
