/** One entry of a customer's timeline (events table). */
export interface TimelineEvent {
  id: string;
  customerId: string | null;
  type: string;
  occurredAt: Date;
  source: string;
  summary: string | null;
  properties: Record<string, unknown>;
}

export interface NewTimelineEvent extends TimelineEvent {
  workspaceId: string;
}

/** The order tag of timeline cursors: newest first. */
export const timelineOrder = "occurred_at:desc";
