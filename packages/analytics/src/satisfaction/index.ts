export * from "./net-promoter-score.ts";
export * from "./customer-satisfaction-score.ts";
export * from "./satisfaction-index.ts";
