export * from "./math/minimize.ts";
