import { AppError } from "@tenure/shared";

/** Segment's HTTP API limits, kept so that a pipeline that works with Segment works here. */
export const segmentLimits = {
  /** One message, alone or inside a batch. */
  messageBytes: 32 * 1024,
  /** One /v1/batch request body. */
  batchBytes: 500 * 1024,
} as const;

const encoder = new TextEncoder();

/** Throw a payload_too_large error (HTTP 413) when `message`, as JSON, exceeds 32 KB. */
export function assertMessageSizeOrThrow(message: unknown, field: string): void {
  const bytes = encoder.encode(JSON.stringify(message)).length;
  if (bytes > segmentLimits.messageBytes) {
    throw new AppError(
      "message_too_large",
      "payload_too_large",
      `${field || "The message"} is ${Math.ceil(bytes / 1024)} KB; a message may be at most ${segmentLimits.messageBytes / 1024} KB`,
      { field, bytes, limit: segmentLimits.messageBytes },
    );
  }
}

/** Throw a payload_too_large error (HTTP 413) when a request body of `bytes` exceeds `limit`. */
export function assertBodySizeOrThrow(bytes: number, limit: number, what: string): void {
  if (bytes > limit) {
    throw new AppError(
      "payload_too_large",
      "payload_too_large",
      `${what} is ${Math.ceil(bytes / 1024)} KB; it may be at most ${limit / 1024} KB (send fewer messages per batch)`,
      { bytes, limit },
    );
  }
}
