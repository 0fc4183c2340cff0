import { eraseCustomer, exportCustomerData } from "@tenure/app";
import { customerExportSchema, customerIdParamsSchema, erasureSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "./route-permission.ts";

/** Data subject requests: POST /api/customers/{id}/export and /erase (admins). */
export async function privacyRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.post(
    "/api/customers/:id/export",
    {
      schema: {
        tags: ["privacy"],
        summary: "Everything stored about a customer, as one JSON document (data subject access request)",
        ...routePermission("customers.export"),
        params: customerIdParamsSchema,
        response: { 200: customerExportSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const data = await exportCustomerData(requestContext(request), deps, { customerId: request.params.id });
      reply.header("content-disposition", `attachment; filename="customer-${request.params.id.replace(/[^A-Za-z0-9_-]/g, "")}.json"`);
      // Rows as stored, dates as ISO strings: plain JSON.
      const json = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
      return { ...json, exported_at: data.exported_at, workspace_id: data.workspace_id, customer_id: data.customer_id, customer: data.customer };
    },
  );

  app.post(
    "/api/customers/:id/erase",
    {
      schema: {
        tags: ["privacy"],
        summary: "Erase a customer's personal data, irreversibly (right to erasure)",
        description:
          "Nulls name, e-mail, phone and external id, removes personal attributes, blanks contacts, pseudonymises the timeline and blanks cases' free text, handoff briefs and recovery letters. Orders, amounts and case timestamps stay so totals and service metrics do not change. A second call answers 409 already_erased.",
        ...routePermission("customers.erase"),
        params: customerIdParamsSchema,
        response: { 200: erasureSchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const result = await eraseCustomer(requestContext(request), deps, { customerId: request.params.id });
      return {
        customer_id: result.customerId,
        erased_at: result.erasedAt.toISOString(),
        events_pseudonymised: result.eventsPseudonymised,
        contacts_erased: result.contactsErased,
        cases_erased: result.casesErased,
        recovery_letters_erased: result.recoveryLettersErased,
        survey_answers_erased: result.surveyAnswersErased,
        feedback_items_erased: result.feedbackItemsErased,
      };
    },
  );
}
