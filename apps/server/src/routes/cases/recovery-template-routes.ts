import { listRecoveryLetterTemplates, setRecoveryLetterTemplate } from "@tenure/app";
import { recoveryTemplateParamsSchema, recoveryTemplateSchema } from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

const tags = ["service recovery"];

/** GET /api/recovery/templates, PUT and DELETE /api/recovery/templates/{locale}: the workspace's letter templates. */
export function recoveryTemplateRoutes(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/recovery/templates",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "The recovery letter template of each language (the workspace's own or the default)",
        response: { 200: z.object({ items: z.array(z.object({ locale: z.string(), custom: z.boolean(), template: recoveryTemplateSchema })) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listRecoveryLetterTemplates(requestContext(request), deps) }),
  );

  app.put(
    "/api/recovery/templates/:locale",
    {
      schema: {
        tags,
        ...routePermission("cases.configure"),
        summary: "Replace a language's letter template for this workspace",
        description: "Placeholders: {customer_name} {case_subject} {case_opened_on} {what_went_wrong} {root_cause} {corrective_action} {goodwill_paragraph} {company}; in goodwill: {goodwill}. Unknown ones are refused.",
        params: recoveryTemplateParamsSchema,
        body: recoveryTemplateSchema,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await setRecoveryLetterTemplate(requestContext(request), deps, { locale: request.params.locale, template: request.body });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/recovery/templates/:locale",
    {
      schema: {
        tags,
        ...routePermission("cases.configure"),
        summary: "Go back to the default letter template of a language",
        params: recoveryTemplateParamsSchema,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await setRecoveryLetterTemplate(requestContext(request), deps, { locale: request.params.locale, template: null });
      return reply.code(204).send(null);
    },
  );
}
