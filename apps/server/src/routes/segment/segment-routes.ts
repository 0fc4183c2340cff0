import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { ingestSegmentMessages } from "@tenure/app";
import {
  problemSchema,
  segmentBatchBodySchema,
  segmentGroupBodySchema,
  segmentIdentifyBodySchema,
  segmentPageBodySchema,
  segmentScreenBodySchema,
  segmentSuccessSchema,
  segmentTrackBodySchema,
} from "@tenure/api-schemas";
import { assertBodySizeOrThrow, segmentLimits, type SegmentMessageInput, type SegmentMessageType } from "@tenure/domain";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { segmentValidationError } from "./segment-validation-error.ts";

const responses = {
  200: segmentSuccessSchema.describe("Stored (or already stored: a repeated messageId is acknowledged and ignored)"),
  400: problemSchema.describe("Invalid message: field names it, e.g. batch[3].userId; nothing of the request is stored"),
  401: problemSchema.describe("Missing, unknown, revoked or expired write key"),
  403: problemSchema.describe("permission_denied: the write key's role may not ingest (ingestion.write)"),
  409: problemSchema.describe("customer_kind_conflict: a groupId is a person's userId (or the reverse)"),
  413: problemSchema.describe("Request over 500 KB (batch) or a message over 32 KB"),
  500: problemSchema.describe("Unexpected error; quote instance (the request id)"),
} as const;

const singleCalls: readonly { type: SegmentMessageType; body: z.ZodType; summary: string }[] = [
  { type: "identify", body: segmentIdentifyBodySchema, summary: "Identify a person (userId → customer external id, traits → fields and attributes)" },
  { type: "track", body: segmentTrackBodySchema, summary: "Record an event on the user's timeline (Order Completed / Order Refunded also create orders)" },
  { type: "group", body: segmentGroupBodySchema, summary: "Create or update an organisation (groupId) and link the user to it" },
  { type: "page", body: segmentPageBodySchema, summary: "Record a page view on the timeline" },
  { type: "screen", body: segmentScreenBodySchema, summary: "Record a screen view on the timeline" },
];

const description =
  "Segment-compatible: authenticate with the source's write key as the HTTP Basic user name and an empty password. " +
  "Every message is idempotent by messageId. See docs/importing.md for the field mapping.";

/**
 * The Segment HTTP Tracking API under /v1 (identify, track, group, page,
 * screen, batch), authenticated by a write key, so Segment and RudderStack
 * pipelines can send to Tenure. Size limits are checked from Content-Length
 * before the body is read; the route bodyLimit catches chunked bodies.
 */
export async function segmentRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addHook("onRequest", async (request) => {
      const batch = request.url.startsWith("/v1/batch");
      const length = Number(request.headers["content-length"] ?? 0);
      assertBodySizeOrThrow(length, batch ? segmentLimits.batchBytes : segmentLimits.messageBytes, batch ? "The batch" : "The message");
    });
    const invalid = (request: FastifyRequest) => {
      if (request.validationError) throw segmentValidationError(request.validationError.validation);
    };

    for (const call of singleCalls) {
      scope.post(
        `/v1/${call.type}`,
        {
          config: { auth: "write_key" },
          bodyLimit: segmentLimits.messageBytes,
          attachValidation: true,
          schema: { tags: ["ingestion"], summary: call.summary, description, body: call.body, response: responses },
        },
        async (request) => {
          invalid(request);
          const message = { ...(request.body as object), type: call.type } as SegmentMessageInput;
          await ingestSegmentMessages(requestContext(request), deps, { messages: [message], batch: false });
          return { success: true as const };
        },
      );
    }

    scope.post(
      "/v1/batch",
      {
        config: { auth: "write_key" },
        bodyLimit: segmentLimits.batchBytes,
        attachValidation: true,
        schema: {
          tags: ["ingestion"],
          summary: "Send many messages at once: all are stored, or none",
          description,
          body: segmentBatchBodySchema,
          response: responses,
        },
      },
      async (request) => {
        invalid(request);
        const body = request.body;
        await ingestSegmentMessages(requestContext(request), deps, { messages: body.batch, batch: true, context: body.context, sentAt: body.sentAt });
        return { success: true as const };
      },
    );
  });
}
