import {
  deleteSlaConfiguration,
  getCaseSla,
  getSlaAttainment,
  listSlaAlerts,
  listSlaConfiguration,
  recomputeSlaStates,
  saveBusinessCalendar,
  saveSlaPolicy,
  type BusinessCalendarInput,
} from "@tenure/app";
import {
  businessCalendarBodySchema,
  businessCalendarSchema,
  caseSlaClockSchema,
  slaAlertSchema,
  slaAlertsQuerySchema,
  slaAttainmentQuerySchema,
  slaAttainmentSchema,
  slaPolicyBodySchema,
  slaPolicySchema,
} from "@tenure/api-schemas";
import type { SlaPolicyInput } from "@tenure/domain";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toBusinessCalendarJson, toCaseSlaClockJson, toSlaAlertJson, toSlaPolicyJson } from "./sla-json.ts";

const tags = ["SLAs"];
const idParams = z.object({ id: z.string() });
const dayMs = 86_400_000;

function policyInput(b: z.infer<typeof slaPolicyBodySchema>): SlaPolicyInput {
  const s = b.segment;
  return {
    name: b.name,
    priority: b.priority,
    segment: s ? { ...(s.customer_kind ? { customerKind: s.customer_kind } : {}), ...(s.size_bands ? { sizeBands: s.size_bands } : {}), ...(s.attribute ? { attribute: s.attribute } : {}) } : null,
    firstResponseMinutes: b.first_response_minutes,
    nextResponseMinutes: b.next_response_minutes,
    resolutionMinutes: b.resolution_minutes,
    warnAtPercent: b.warn_at_percent,
    pauseOnHold: b.pause_on_hold,
    position: b.position,
  };
}

function calendarInput(b: z.infer<typeof businessCalendarBodySchema>): BusinessCalendarInput {
  return { name: b.name, timeZone: b.time_zone, teamId: b.team_id, isDefault: b.is_default, hours: b.hours, holidays: b.holidays };
}

/** SLA policies and calendars (cases.configure), a case's clocks, alerts and attainment (cases.read). */
export function slaRoutes(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/sla/policies",
    { schema: { tags, ...routePermission("cases.configure"), summary: "SLA policies, by position", response: { 200: z.object({ items: z.array(slaPolicySchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listSlaConfiguration(requestContext(request), deps)).policies.map(toSlaPolicyJson) }),
  );
  app.post(
    "/api/sla/policies",
    {
      schema: {
        tags,
        ...routePermission("cases.configure"),
        summary: "Create an SLA policy",
        description: "Targets in business minutes by priority and customer segment; the most specific matching policy governs a case (see docs/cases.md, SLAs).",
        body: slaPolicyBodySchema,
        response: { 201: slaPolicySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const policy = await saveSlaPolicy(requestContext(request), deps, policyInput(request.body));
      reply.code(201).header("location", `/api/sla/policies/${policy.id}`);
      return toSlaPolicyJson(policy);
    },
  );
  app.put(
    "/api/sla/policies/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Replace an SLA policy", params: idParams, body: slaPolicyBodySchema, response: { 200: slaPolicySchema, ...writeProblemResponses } } },
    async (request) => toSlaPolicyJson(await saveSlaPolicy(requestContext(request), deps, policyInput(request.body), request.params.id)),
  );
  app.delete(
    "/api/sla/policies/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Delete an SLA policy", params: idParams, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await deleteSlaConfiguration(requestContext(request), deps, { kind: "policy", id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/sla/calendars",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Business calendars", response: { 200: z.object({ items: z.array(businessCalendarSchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listSlaConfiguration(requestContext(request), deps)).calendars.map(toBusinessCalendarJson) }),
  );
  app.post(
    "/api/sla/calendars",
    {
      schema: {
        tags,
        ...routePermission("cases.configure"),
        summary: "Create a business calendar",
        description: "Working hours per weekday and holidays in a time zone (or the team's). 409 when the team already has a calendar or a default exists.",
        body: businessCalendarBodySchema,
        response: { 201: businessCalendarSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const calendar = await saveBusinessCalendar(requestContext(request), deps, calendarInput(request.body));
      reply.code(201).header("location", `/api/sla/calendars/${calendar.id}`);
      return toBusinessCalendarJson(calendar);
    },
  );
  app.put(
    "/api/sla/calendars/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Replace a business calendar", params: idParams, body: businessCalendarBodySchema, response: { 200: businessCalendarSchema, ...writeProblemResponses } } },
    async (request) => toBusinessCalendarJson(await saveBusinessCalendar(requestContext(request), deps, calendarInput(request.body), request.params.id)),
  );
  app.delete(
    "/api/sla/calendars/:id",
    { schema: { tags, ...routePermission("cases.configure"), summary: "Delete a business calendar", params: idParams, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await deleteSlaConfiguration(requestContext(request), deps, { kind: "calendar", id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/sla/recompute",
    {
      schema: {
        tags,
        ...routePermission("cases.configure"),
        summary: "Recompute the SLA clocks of all open cases now",
        description: "The sla-recompute job does this every minute; new warnings and breaches become alerts.",
        response: { 200: z.object({ cases: z.number().int(), clocks: z.number().int(), new_warnings: z.number().int(), new_breaches: z.number().int() }), ...problemResponses },
      },
    },
    async (request) => {
      const r = await recomputeSlaStates(requestContext(request), deps);
      return { cases: r.cases, clocks: r.clocks, new_warnings: r.newWarnings, new_breaches: r.newBreaches };
    },
  );

  app.get(
    "/api/cases/:id/sla",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "The SLA clocks of a case, as of now",
        params: idParams,
        response: { 200: z.object({ items: z.array(caseSlaClockSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await getCaseSla(requestContext(request), deps, request.params.id)).map(toCaseSlaClockJson) }),
  );
  app.get(
    "/api/sla/alerts",
    { schema: { tags, ...routePermission("cases.read"), summary: "SLA warnings and breaches, newest first", querystring: slaAlertsQuerySchema, response: { 200: z.object({ items: z.array(slaAlertSchema) }), ...problemResponses } } },
    async (request) => {
      const q = request.query;
      const alerts = await listSlaAlerts(requestContext(request), deps, { ...(q.kind ? { kind: q.kind } : {}), ...(q.case_id ? { caseId: q.case_id } : {}), ...(q.limit ? { limit: q.limit } : {}) });
      return { items: alerts.map(toSlaAlertJson) };
    },
  );
  app.get(
    "/api/analytics/sla-attainment",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "SLA attainment per metric of the clocks started in a period",
        description: "met / (met + breached); running clocks that have not breached are not counted yet. Default: the last 30 days.",
        querystring: slaAttainmentQuerySchema,
        response: { 200: slaAttainmentSchema, ...problemResponses },
      },
    },
    async (request) => {
      const to = request.query.to ? new Date(`${request.query.to}T00:00:00Z`) : new Date(Math.ceil(Date.now() / dayMs) * dayMs);
      const from = request.query.from ? new Date(`${request.query.from}T00:00:00Z`) : new Date(to.getTime() - 30 * dayMs);
      return { items: await getSlaAttainment(requestContext(request), deps, { from, to }) };
    },
  );
}
