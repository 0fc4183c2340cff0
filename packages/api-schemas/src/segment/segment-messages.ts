import { z } from "zod";

// Shapes of the Segment HTTP Tracking API (Segment Spec), so Segment and
// RudderStack pipelines can send to Tenure unchanged. Unknown fields
// (integrations, version, …) are accepted and ignored.

const idSchema = z.union([z.string().max(255), z.number()]).nullish();
const objectSchema = z.record(z.string(), z.unknown()).nullish();
const timeSchema = z.string().max(64).nullish();

const commonShape = {
  userId: idSchema.describe("Your id of the user: the person customer's external id"),
  anonymousId: idSchema.describe("Id of a not-yet-known visitor; userId or anonymousId is required"),
  messageId: z.string().min(1).max(255).nullish().describe("Unique id of the message; a repeat is acknowledged and ignored"),
  timestamp: timeSchema.describe("ISO 8601 time the event happened"),
  originalTimestamp: timeSchema.describe("Sender-clock time, corrected with sentAt when timestamp is absent"),
  sentAt: timeSchema.describe("Sender-clock time of sending"),
  context: objectSchema.describe("Context (locale, timezone, ip, …)"),
  integrations: objectSchema.describe("Ignored"),
};

const identifyShape = { ...commonShape, traits: objectSchema.describe("Traits of the person (name, email, phone, address, …)") };
const trackShape = { ...commonShape, event: z.string().min(1).max(200).describe("Event name, e.g. Order Completed"), properties: objectSchema };
const groupShape = {
  ...commonShape,
  groupId: z.union([z.string().min(1).max(255), z.number()]).describe("Your id of the organisation: its external id"),
  traits: objectSchema.describe("Traits of the organisation (name, industry, employees, plan, …)"),
};
const pageShape = { ...commonShape, name: z.string().max(200).nullish().describe("Page or screen name"), properties: objectSchema };

/** POST /v1/identify */
export const segmentIdentifyBodySchema = z.looseObject({ ...identifyShape, type: z.literal("identify").optional() });
/** POST /v1/track */
export const segmentTrackBodySchema = z.looseObject({ ...trackShape, type: z.literal("track").optional() });
/** POST /v1/group */
export const segmentGroupBodySchema = z.looseObject({ ...groupShape, type: z.literal("group").optional() });
/** POST /v1/page */
export const segmentPageBodySchema = z.looseObject({ ...pageShape, type: z.literal("page").optional() });
/** POST /v1/screen */
export const segmentScreenBodySchema = z.looseObject({ ...pageShape, type: z.literal("screen").optional() });

/** One message of a batch; `type` says which call it is. */
export const segmentBatchMessageSchema = z.discriminatedUnion("type", [
  z.looseObject({ ...identifyShape, type: z.literal("identify") }),
  z.looseObject({ ...trackShape, type: z.literal("track") }),
  z.looseObject({ ...groupShape, type: z.literal("group") }),
  z.looseObject({ ...pageShape, type: z.literal("page") }),
  z.looseObject({ ...pageShape, type: z.literal("screen") }),
]);

/** POST /v1/batch: all messages are stored, or none. */
export const segmentBatchBodySchema = z.looseObject({
  batch: z.array(segmentBatchMessageSchema).describe("The messages, at most 32 KB each and 500 KB in all"),
  context: objectSchema.describe("Applied to every message (a message's own context wins)"),
  sentAt: timeSchema.describe("Sender-clock time of sending, for messages that carry none"),
  integrations: objectSchema.describe("Ignored"),
});

/** The answer to every accepted call, as Segment gives it. */
export const segmentSuccessSchema = z.object({ success: z.literal(true) });

export type SegmentBatchBody = z.infer<typeof segmentBatchBodySchema>;
export type SegmentBatchMessage = z.infer<typeof segmentBatchMessageSchema>;
