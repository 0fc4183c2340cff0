import type { caseListSchema, customerActivitySchema, customerProfileSchema, timelinePageSchema } from "@tenure/api-schemas";
import type { Infer } from "../../api/schema-types.ts";

export type Profile = Infer<typeof customerProfileSchema>;
export type Activity = Infer<typeof customerActivitySchema>;
export type TimelinePage = Infer<typeof timelinePageSchema>;
export type CaseList = Infer<typeof caseListSchema>;
export type RevealPurpose = "service" | "sales" | "marketing" | "billing";
export const revealPurposes: readonly RevealPurpose[] = ["service", "sales", "marketing", "billing"];
