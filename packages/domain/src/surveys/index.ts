export * from "./survey-locale.ts";
export * from "./survey-question.ts";
export * from "./survey-texts.ts";
export * from "./survey.ts";
export * from "./validate-survey-answers.ts";
export type * from "./survey-repository.ts";
export * from "./follow-up.ts";
export * from "./survey-triggers.ts";
export * from "./customer-satisfaction.ts";
