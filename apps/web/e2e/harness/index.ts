export * from "./test-server.ts";
export * from "./test-browser.ts";
export * from "./sign-in.ts";
