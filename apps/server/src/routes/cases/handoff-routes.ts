import {
  decideHandoff,
  deleteResponsibility,
  listCaseHandoffs,
  listMyPendingHandoffs,
  listResponsibilities,
  proposeHandoffSpecialists,
  requestHandoff,
  saveResponsibility,
  type ResponsibilityInput,
} from "@tenure/app";
import { handoffBodySchema, problemSchema, handoffSchema, pendingHandoffsQuerySchema, responsibilityBodySchema, responsibilitySchema, specialistProposalSchema } from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toHandoffJson, toResponsibilityJson } from "./handoff-json.ts";

const tags = ["warm handoff"];
const caseParams = z.object({ id: z.string() });
const handoffParams = z.object({ id: z.string(), handoffId: z.string() });

function responsibilityInput(b: z.infer<typeof responsibilityBodySchema>): ResponsibilityInput {
  return { userId: b.user_id, teamId: b.team_id, skills: b.skills, productIds: b.product_ids, languages: b.languages, lead: b.lead, maxOpenCases: b.max_open_cases };
}

/** Handoffs of a case, the receiver's inbox, specialist proposals and the responsibility map. */
export function handoffRoutes(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/cases/:id/handoffs",
    { schema: { tags, ...routePermission("cases.read"), summary: "Handoffs of a case with their briefs, oldest first", params: caseParams, response: { 200: z.object({ items: z.array(handoffSchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listCaseHandoffs(requestContext(request), deps, request.params.id)).map(toHandoffJson) }),
  );
  app.post(
    "/api/cases/:id/handoffs",
    {
      schema: {
        tags,
        ...routePermission("cases.write"),
        summary: "Hand a case to a specialist, with a brief",
        description: "The brief (problem in one paragraph, what was tried, customer's mood, what was promised) is required; the owner stays until the receiver accepts. 409 handoff_pending when one is already waiting.",
        params: caseParams,
        body: handoffBodySchema,
        response: { 201: handoffSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const handoff = await requestHandoff(requestContext(request), deps, request.params.id, {
        toUserId: b.to_user_id,
        toTeamId: b.to_team_id,
        brief: { problem: b.brief.problem, tried: b.brief.tried, customerMood: b.brief.customer_mood, promised: b.brief.promised },
      });
      reply.code(201).header("location", `/api/cases/${handoff.caseId}/handoffs`);
      return toHandoffJson(handoff);
    },
  );
  for (const decision of ["accept", "cancel"] as const) {
    app.post(
      `/api/cases/:id/handoffs/:handoffId/${decision}`,
      {
        schema: {
          tags,
          ...routePermission("cases.write"),
          summary: decision === "accept" ? "Accept a handoff (the receiver): the case becomes yours" : "Cancel a pending handoff (sender, receiver or a manager)",
          params: handoffParams,
          response: { 200: handoffSchema, ...writeProblemResponses, 403: problemSchema.describe("Not the receiver (accept) or not a party (cancel)") },
        },
      },
      async (request) => toHandoffJson(await decideHandoff(requestContext(request), deps, { caseId: request.params.id, handoffId: request.params.handoffId, decision })),
    );
  }
  app.get(
    "/api/cases/:id/handoffs/proposals",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "Specialists for a case, best first",
        description: "From the responsibility map: product 4, skill (category) 3, customer language 2, team 1; ties to the lighter load.",
        params: caseParams,
        response: { 200: z.object({ items: z.array(specialistProposalSchema) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await proposeHandoffSpecialists(requestContext(request), deps, request.params.id)).map((p) => ({ user_id: p.userId, team_id: p.teamId, score: p.score, matched: p.matched, open_cases: p.openCases })),
    }),
  );
  app.get(
    "/api/handoffs",
    { schema: { tags, ...routePermission("cases.read"), summary: "Handoffs waiting for me to accept", querystring: pendingHandoffsQuerySchema, response: { 200: z.object({ items: z.array(handoffSchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listMyPendingHandoffs(requestContext(request), deps, request.query.limit)).map(toHandoffJson) }),
  );

  app.get(
    "/api/responsibilities",
    { schema: { tags, ...routePermission("cases.configure"), summary: "The responsibility map", response: { 200: z.object({ items: z.array(responsibilitySchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listResponsibilities(requestContext(request), deps)).map(toResponsibilityJson) }),
  );
  app.post(
    "/api/responsibilities",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Add a line to the responsibility map", body: responsibilityBodySchema, response: { 201: responsibilitySchema, ...writeProblemResponses } } },
    async (request, reply) => {
      const entry = await saveResponsibility(requestContext(request), deps, responsibilityInput(request.body));
      reply.code(201).header("location", `/api/responsibilities/${entry.id}`);
      return toResponsibilityJson(entry);
    },
  );
  app.put(
    "/api/responsibilities/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Replace a line of the responsibility map", params: caseParams, body: responsibilityBodySchema, response: { 200: responsibilitySchema, ...writeProblemResponses } } },
    async (request) => toResponsibilityJson(await saveResponsibility(requestContext(request), deps, responsibilityInput(request.body), request.params.id)),
  );
  app.delete(
    "/api/responsibilities/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Remove a line of the responsibility map", params: caseParams, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await deleteResponsibility(requestContext(request), deps, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
