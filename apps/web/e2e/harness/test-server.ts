import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer } from "@tenure/server";
import { loadConfig } from "@tenure/shared";

const webDirectory = resolve(fileURLToPath(import.meta.url), "../../..");

/** A Tenure server for browser tests: its URL and the demo users' e-mails by role (password `tenure-demo-<role>`). */
export interface TestServer {
  url: string;
  users: Record<string, string>;
  close(): Promise<void>;
}

/** Build apps/web once if its dist is missing (CI builds it in `npm ci`'s postinstall). */
export function ensureWebBuild(): void {
  if (existsSync(join(webDirectory, "dist", "index.html"))) return;
  execFileSync("npx", ["vite", "build"], { cwd: webDirectory, stdio: "inherit" });
}

/**
 * Start the real server on a free port with a fresh PGlite data directory and
 * a small demo workspace (`customers` customers, default 300), as `npm start`
 * would; the data directory is removed on close.
 */
export async function startTestServer(options: { customers?: number } = {}): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), "tenure-e2e-"));
  const lines: string[] = [];
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", TENURE_DATA_DIR: dataDir, LOG_LEVEL: "silent" }, dataDir);
  let server: RunningServer;
  try {
    server = await startServer(config, { print: (line) => lines.push(line), handleSignals: false, demo: { customers: options.customers ?? 300 } });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const users: Record<string, string> = {};
  for (const line of lines) {
    const match = /^\s+(admin|manager|rep|agent|analyst)\s+(\S+@\S+)\s+password:/.exec(line);
    if (match?.[1] && match[2]) users[match[1]] = match[2];
  }
  if (!users.admin) throw new Error(`The server printed no demo users:\n${lines.join("\n")}`);
  return {
    url: `http://127.0.0.1:${server.port}`,
    users,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
