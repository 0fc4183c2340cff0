import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "@tenure/shared";
import { startServer } from "./main.ts";

// startServer's own job is the embedded first start (data directory, demo,
// first token), so this suite runs on PGlite only; the PostgreSQL path is the
// same code after createDatabase({ url }).
describe("startServer on an embedded data directory", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tenure-server-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ PORT: "0", TENURE_DATA_DIR: dataDir, LOG_LEVEL: "silent" });

  it("loads the demo on the first start, prints a working token once, and serves the web app at /", async () => {
    const lines: string[] = [];
    const server = await startServer(config, { print: (l) => lines.push(l), handleSignals: false, demo: { customers: 40 } });
    try {
      expect(lines[0]).toBe(`Tenure is running at ${server.url}`);
      expect(lines.join("\n")).toContain(`${server.url}/api/docs`);
      expect(lines.join("\n")).toMatch(/First start: loaded the demo workspace "Demo Co" \(40 customers/);
      expect(lines.join("\n")).toContain("New API token: the web app's Administration page, or stop the server and run npx tenure token create --name me");
      const token = lines.map((l) => l.trim()).find((l) => l.startsWith("tnr_"));
      const customers = await fetch(`${server.url}/api/customers?limit=5`, { headers: { authorization: `Bearer ${token}` } });
      expect(customers.status).toBe(200);
      const home = await fetch(`${server.url}/`);
      expect(home.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await home.text();
      // The web app's page (apps/web/dist), or without a build the page saying how to make one.
      expect(html).toMatch(/<div id="root"><\/div>|npm run build/);
    } finally {
      await server.close();
    }
    await server.closed;
  });

  it("restarts on the same directory without loading the demo again or printing a token", async () => {
    const lines: string[] = [];
    const server = await startServer(config, { print: (l) => lines.push(l), handleSignals: false });
    await server.close();
    expect(lines.join("\n")).not.toMatch(/First start|tnr_/);
    expect(lines[0]).toMatch(/^Tenure is running at http:\/\/localhost:\d+$/);
  });
});
