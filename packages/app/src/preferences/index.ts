export * from "./user-locale.ts";
export * from "./saved-views.ts";
