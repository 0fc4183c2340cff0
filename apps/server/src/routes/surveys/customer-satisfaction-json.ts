import type { CustomerSatisfaction } from "@tenure/domain";

const answer = (a: { value: number; at: Date } | null) => (a === null ? null : { value: a.value, at: a.at.toISOString() });

/** A customer's satisfaction in the API's shape (the `satisfaction` of GET /api/customers/{id}). */
export function toCustomerSatisfactionJson(s: CustomerSatisfaction) {
  return { nps: answer(s.nps), csat: answer(s.csat), ces: answer(s.ces), csi: s.csi, csi_responses: s.csiResponses, open_follow_ups: s.openFollowUps };
}
