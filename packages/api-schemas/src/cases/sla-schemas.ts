import { z } from "zod";

const dateTime = z.iso.datetime({ offset: true });
const minutes = z.number().int().min(1).max(525_600).nullable();
const period = z.object({ start: z.string().describe("HH:MM local"), end: z.string().describe("HH:MM local, 24:00 allowed") });
const week = z.object({ mon: z.array(period), tue: z.array(period), wed: z.array(period), thu: z.array(period), fri: z.array(period), sat: z.array(period), sun: z.array(period) });
const segment = z
  .object({
    customer_kind: z.enum(["person", "organization"]).optional(),
    size_bands: z.array(z.string().min(1).max(50)).max(50).optional(),
    attribute: z.object({ key: z.string().min(1).max(100), value: z.string().max(500) }).optional(),
  })
  .describe("Every condition given must hold; omit (or null) for every customer");

/** POST/PUT /api/sla/policies */
export const slaPolicyBodySchema = z.object({
  name: z.string().max(200),
  priority: z.enum(["low", "normal", "high", "urgent"]).nullable().default(null).describe("null: any priority"),
  segment: segment.nullable().default(null),
  first_response_minutes: minutes.default(null).describe("Business minutes to the first agent answer"),
  next_response_minutes: minutes.default(null).describe("Business minutes from a customer's reply to the next agent answer"),
  resolution_minutes: minutes.default(null).describe("Business minutes from opening to resolution"),
  warn_at_percent: z.number().int().min(1).max(99).default(80),
  pause_on_hold: z.boolean().default(false).describe("Clocks also pause while on hold (they always pause while pending the customer)"),
  position: z.number().int().min(0).max(100_000).default(0).describe("Tie-break between equally specific policies, lower first"),
});

export const slaPolicySchema = slaPolicyBodySchema.extend({ id: z.string(), created_at: dateTime, updated_at: dateTime });
export type SlaPolicyJson = z.infer<typeof slaPolicySchema>;

/** POST/PUT /api/sla/calendars */
export const businessCalendarBodySchema = z.object({
  name: z.string().max(200),
  time_zone: z.string().max(100).nullable().default(null).describe("IANA zone; null: the zone of the case's team"),
  team_id: z.string().nullable().default(null).describe("The team whose cases use this calendar"),
  is_default: z.boolean().default(false).describe("Used by teams without a calendar of their own"),
  hours: week.describe("Working periods per weekday, local wall time"),
  holidays: z.array(z.string()).max(1_000).default([]).describe("Local dates YYYY-MM-DD without working time"),
});

export const businessCalendarSchema = businessCalendarBodySchema.extend({ id: z.string(), created_at: dateTime, updated_at: dateTime });
export type BusinessCalendarJson = z.infer<typeof businessCalendarSchema>;

/** GET /api/cases/{id}/sla */
export const caseSlaClockSchema = z.object({
  metric: z.enum(["first_response", "next_response", "resolution"]),
  policy_id: z.string(),
  state: z.enum(["running", "paused", "met", "breached"]),
  target_minutes: z.number().int(),
  started_at: dateTime,
  stopped_at: dateTime.nullable(),
  due_at: dateTime.nullable().describe("null while paused"),
  elapsed_minutes: z.number().describe("Business minutes counted, pauses left out"),
  paused_minutes: z.number(),
  warned_at: dateTime.nullable(),
  breached_at: dateTime.nullable(),
});
export type CaseSlaClockJson = z.infer<typeof caseSlaClockSchema>;

/** GET /api/sla/alerts */
export const slaAlertsQuerySchema = z.object({
  kind: z.enum(["warning", "breach"]).optional(),
  case_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const slaAlertSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  metric: z.enum(["first_response", "next_response", "resolution"]),
  kind: z.enum(["warning", "breach"]).describe("breach: an escalation, also recorded as the case event sla_breached"),
  occurred_at: dateTime,
  due_at: dateTime.nullable(),
  team_id: z.string().nullable(),
  owner_user_id: z.string().nullable(),
  notify_user_ids: z.array(z.string()).describe("The owner and the leads of the case's team (responsibility map)"),
  created_at: dateTime,
});

/** GET /api/analytics/sla-attainment */
export const slaAttainmentQuerySchema = z.object({ from: z.iso.date().optional().describe("Default: 30 days before `to`"), to: z.iso.date().optional().describe("Exclusive; default: tomorrow (UTC)") });
export const slaAttainmentSchema = z.object({
  items: z.array(z.object({ metric: z.enum(["first_response", "next_response", "resolution"]), met: z.number().int(), breached: z.number().int(), attainment: z.number().nullable() })),
});
