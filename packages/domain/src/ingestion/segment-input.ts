/**
 * A Segment message as it arrives (after the HTTP schema checked its shape),
 * following the Segment Spec: common fields plus the fields of each call.
 * Unknown fields are allowed and ignored (integrations, version, …).
 */
export type SegmentMessageType = "identify" | "track" | "group" | "page" | "screen";

/** An identifier as sent: the Spec says string, many libraries send numbers. */
export type SegmentId = string | number | null | undefined;

export interface SegmentCommonInput {
  userId?: SegmentId;
  anonymousId?: SegmentId;
  messageId?: string | null | undefined;
  timestamp?: string | null | undefined;
  sentAt?: string | null | undefined;
  originalTimestamp?: string | null | undefined;
  context?: Record<string, unknown> | null | undefined;
}

export interface SegmentIdentifyInput extends SegmentCommonInput {
  type: "identify";
  traits?: Record<string, unknown> | null | undefined;
}

export interface SegmentTrackInput extends SegmentCommonInput {
  type: "track";
  event: string;
  properties?: Record<string, unknown> | null | undefined;
}

export interface SegmentGroupInput extends SegmentCommonInput {
  type: "group";
  groupId: string | number;
  traits?: Record<string, unknown> | null | undefined;
}

export interface SegmentPageInput extends SegmentCommonInput {
  type: "page" | "screen";
  name?: string | null | undefined;
  properties?: Record<string, unknown> | null | undefined;
}

export type SegmentMessageInput = SegmentIdentifyInput | SegmentTrackInput | SegmentGroupInput | SegmentPageInput;
