/** Where a handoff stands: waiting for the receiver, accepted, or withdrawn by the sender. */
export type HandoffStatus = "pending" | "accepted" | "cancelled";

/**
 * What the receiver reads before taking a case, so the customer need not
 * repeat themselves. Every field is required.
 */
export interface HandoffBrief {
  /** The problem in one paragraph. */
  problem: string;
  /** What has been tried so far. */
  tried: string;
  /** The customer's mood. */
  customerMood: string;
  /** What the customer was promised (say "nothing" when nothing was). */
  promised: string;
}

/** A warm handoff of a case from one owner to another. */
export interface Handoff {
  workspaceId: string;
  id: string;
  caseId: string;
  fromUserId: string | null;
  toUserId: string;
  toTeamId: string | null;
  brief: HandoffBrief;
  status: HandoffStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedAt: Date | null;
}

export interface HandoffFieldError {
  field: keyof HandoffBrief;
  message: string;
}

const briefLimits: Record<keyof HandoffBrief, { label: string; min: number; max: number }> = {
  problem: { label: "The problem", min: 20, max: 2_000 },
  tried: { label: "What was tried", min: 3, max: 2_000 },
  customerMood: { label: "The customer's mood", min: 3, max: 200 },
  promised: { label: "What the customer was promised", min: 2, max: 1_000 },
};

/**
 * Field errors of a brief (empty: valid). The problem is one paragraph: at
 * least 20 characters and no blank line; the others must say something.
 */
export function validateHandoffBrief(brief: Partial<Record<keyof HandoffBrief, unknown>>): HandoffFieldError[] {
  const errors: HandoffFieldError[] = [];
  for (const field of Object.keys(briefLimits) as (keyof HandoffBrief)[]) {
    const { label, min, max } = briefLimits[field];
    const value = brief[field];
    const text = typeof value === "string" ? value.trim() : "";
    if (text.length === 0) errors.push({ field, message: `${label} is required.` });
    else if (text.length < min) errors.push({ field, message: `${label} is too short: at least ${min} characters.` });
    else if (text.length > max) errors.push({ field, message: `${label} is too long: at most ${max} characters.` });
    else if (field === "problem" && /\n\s*\n/.test(text)) errors.push({ field, message: "The problem must be one paragraph (no blank lines)." });
  }
  return errors;
}
