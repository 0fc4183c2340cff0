export type * from "./mailer.ts";
export * from "./survey-link-token.ts";
export * from "./create-survey.ts";
export * from "./list-surveys.ts";
export * from "./send-survey.ts";
export * from "./open-survey-link.ts";
export * from "./submit-survey-answers.ts";
export * from "./get-satisfaction.ts";
export * from "./list-follow-ups.ts";
