import type { FastifyReply } from "fastify";
import type { Problem } from "@tenure/api-schemas";
import type { ApiServer } from "./api-server.ts";
import { problem, toProblem } from "./problem-details.ts";

/** Send `body` as application/problem+json. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type("application/problem+json").send(JSON.stringify(body));
}

/** The one error mapper of the HTTP edge, and a problem for unknown routes. */
export function registerErrorHandling(app: ApiServer): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, request.id);
    if (body.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, "route_not_found", `No route ${request.method} ${request.url.split("?")[0]}`, request.id)),
  );
}
