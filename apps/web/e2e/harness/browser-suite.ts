import { afterAll, beforeAll } from "vitest";
import { launchTestBrowser, type TestBrowser } from "./test-browser.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** The server and browser of a describe block, set once its beforeAll has run. */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: TestBrowser;
}

/**
 * Start a test server and a browser before the tests of the enclosing
 * describe block and close both after them. Call it at the top of the block.
 */
export function browserSuite(): BrowserSuite {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  beforeAll(async () => {
    server = await startTestServer();
    browser = launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("browserSuite: the server is not started yet (use it inside a test)");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("browserSuite: the browser is not launched yet (use it inside a test)");
      return browser;
    },
  };
}
