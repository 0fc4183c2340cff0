import type { FeedbackItem, Repositories } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { customerNotFound } from "../customers/customer-not-found.ts";
import { authorize, authorizeCustomer } from "../security/authorize.ts";
import { analyseFeedback, themeDictionaryOf } from "./analyse-feedback.ts";
import { checkFeedbackFields, type RawFeedback } from "./check-feedback-fields.ts";

export type RecordFeedbackResult = { created: true; item: FeedbackItem } | { created: false; item: Omit<FeedbackItem, "id"> & { id: null } };

/**
 * Store one piece of feedback (a complaint, a contact-centre note, a social
 * post, …) tagged with themes from the workspace's dictionary for its
 * language and a lexicon sentiment score. A second item with the same source
 * and external id is not stored again (`created: false`). A customer, when
 * named, must exist and be within the caller's rows.
 */
export async function recordFeedback(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "feedback" | "customers" | "assignments"> },
  raw: RawFeedback,
  now: Date = new Date(),
): Promise<RecordFeedbackResult> {
  authorize(ctx, "feedback.write");
  const checked = checkFeedbackFields(raw, now);
  if (!checked.ok) {
    const [first] = checked.problems;
    throw new AppError("invalid_feedback", "invalid_input", checked.problems.map((p) => p.message).join("; "), { field: first?.field ?? "body", problems: checked.problems });
  }
  const input = checked.value;
  return deps.repositories.transaction(async (tx) => {
    if (input.customerId !== null) {
      const customer = await tx.customers.findById(ctx.workspaceId, input.customerId);
      if (customer === null) throw customerNotFound(input.customerId);
      await authorizeCustomer(ctx, { repositories: tx }, "feedback.write", customer);
    }
    const item = analyseFeedback(ctx.workspaceId, input, await themeDictionaryOf({ repositories: tx }, ctx.workspaceId, input.language), now);
    if (await tx.feedback.insertFeedback(item)) return { created: true, item };
    return { created: false, item: { ...item, id: null } };
  });
}
