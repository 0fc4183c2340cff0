import { deleteKnownProblem, getKnownProblem, linkCaseToKnownProblem, listKnownProblems, listRisingComplaints, saveKnownProblem, type KnownProblemInput } from "@tenure/app";
import { caseKnownProblemBodySchema, knownProblemBodySchema, knownProblemSchema, knownProblemsQuerySchema, risingQuerySchema, risingSchema, type KnownProblemJson } from "@tenure/api-schemas";
import type { KnownProblem } from "@tenure/domain";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

const tags = ["known problems"];
const idParams = z.object({ id: z.string() });

function toJson(p: KnownProblem): KnownProblemJson {
  return {
    id: p.id,
    product_id: p.productId,
    title: p.title,
    description: p.description,
    workaround: p.workaround,
    fix_status: p.fixStatus,
    fixed_at: p.fixedAt?.toISOString() ?? null,
    case_count: p.caseCount,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

const input = (b: z.infer<typeof knownProblemBodySchema>): KnownProblemInput => ({ productId: b.product_id, title: b.title, description: b.description, workaround: b.workaround, fixStatus: b.fix_status });

/** Known problems (cases.configure to edit, cases.read to list), case links and the rising-complaints view. */
export function knownProblemRoutes(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/known-problems",
    { schema: { tags, ...routePermission("cases.read"), summary: "Known problems, most recently changed first", querystring: knownProblemsQuerySchema, response: { 200: z.object({ items: z.array(knownProblemSchema) }), ...problemResponses } } },
    async (request) => {
      const q = request.query;
      const items = await listKnownProblems(requestContext(request), deps, { ...(q.fix_status ? { fixStatus: q.fix_status } : {}), ...(q.product_id ? { productId: q.product_id } : {}), ...(q.limit ? { limit: q.limit } : {}) });
      return { items: items.map(toJson) };
    },
  );
  app.get(
    "/api/known-problems/:id",
    { schema: { tags, ...routePermission("cases.read"), summary: "One known problem", params: idParams, response: { 200: knownProblemSchema, ...problemResponses } } },
    async (request) => toJson(await getKnownProblem(requestContext(request), deps, request.params.id)),
  );
  app.post(
    "/api/known-problems",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Record a known problem", body: knownProblemBodySchema, response: { 201: knownProblemSchema, ...writeProblemResponses } } },
    async (request, reply) => {
      const problem = await saveKnownProblem(requestContext(request), deps, input(request.body));
      reply.code(201).header("location", `/api/known-problems/${problem.id}`);
      return toJson(problem);
    },
  );
  app.put(
    "/api/known-problems/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Replace a known problem (fixed_at follows fix_status)", params: idParams, body: knownProblemBodySchema, response: { 200: knownProblemSchema, ...writeProblemResponses } } },
    async (request) => toJson(await saveKnownProblem(requestContext(request), deps, input(request.body), request.params.id)),
  );
  app.delete(
    "/api/known-problems/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Delete a known problem; its cases are unlinked", params: idParams, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await deleteKnownProblem(requestContext(request), deps, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.put(
    "/api/cases/:id/known-problem",
    { schema: { tags, ...routePermission("cases.write"), summary: "Link a case to a known problem (null unlinks)", params: idParams, body: caseKnownProblemBodySchema, response: { 204: z.null(), ...writeProblemResponses } } },
    async (request, reply) => {
      await linkCaseToKnownProblem(requestContext(request), deps, request.params.id, request.body.known_problem_id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    "/api/analytics/cases/rising",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "Rising categories and products: this week against each one's own trailing weeks",
        description: "Weekly new cases per category and per product; expected = the trailing mean, p = exact one-sided Poisson P(X ≥ count). Rising when p < alpha and count ≥ min_count.",
        querystring: risingQuerySchema,
        response: { 200: risingSchema, ...problemResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listRisingComplaints(requestContext(request), deps, {
        asOf: q.as_of ? new Date(`${q.as_of}T12:00:00Z`) : new Date(),
        ...(q.weeks ? { historyWeeks: q.weeks } : {}),
        ...(q.alpha ? { alpha: q.alpha } : {}),
        ...(q.min_count ? { minCount: q.min_count } : {}),
      });
      return {
        week_start: result.weekStart.toISOString().slice(0, 10),
        history_weeks: result.historyWeeks,
        items: result.signals.map((s) => ({ dimension: s.dimension, key: s.key, count: s.count, expected: s.expected, z_score: s.zScore, p_value: s.pValue, rising: s.rising })),
      };
    },
  );
}
