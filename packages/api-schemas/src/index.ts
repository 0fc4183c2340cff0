export {};
export * from "./segment/segment-messages.ts";
