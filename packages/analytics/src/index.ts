export * from "./math/minimize.ts";
export * from "./clv/fit-model.ts";
