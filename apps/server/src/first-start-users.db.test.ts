import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "@tenure/shared";
import { startServer } from "./main.ts";

// Embedded first start only (PGlite), like main.db.test.ts.
describe("staff users at first start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tenure-users-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    PORT: "0",
    TENURE_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    TENURE_ADMIN_EMAIL: "owner@example.com",
    TENURE_ADMIN_PASSWORD: "owner-password-123",
  });
  const signIn = (url: string, email: string, password: string) =>
    fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });

  it("prints one demo login per role, creates the configured admin, and both can sign in", async () => {
    const lines: string[] = [];
    const server = await startServer(config, { print: (l) => lines.push(l), handleSignals: false, demo: { customers: 40 } });
    try {
      const text = lines.join("\n");
      for (const role of ["admin", "manager", "rep", "agent", "analyst"]) expect(text).toContain(`password: tenure-demo-${role}`);
      expect(text).toContain("Admin owner@example.com created");
      expect(text).not.toContain("owner-password-123");
      const rep = /rep\s+(\S+@\S+)\s+password: tenure-demo-rep/.exec(text)?.[1] ?? "";
      const asRep = await signIn(server.url, rep, "tenure-demo-rep");
      expect(asRep.status).toBe(200);
      expect(await asRep.json()).toMatchObject({ role: "rep" });
      const asOwner = await signIn(server.url, "owner@example.com", "owner-password-123");
      expect(await asOwner.json()).toMatchObject({ role: "admin", user: { email: "owner@example.com" } });
    } finally {
      await server.close();
    }
  });

  it("on a restart, prints no demo passwords and keeps the admin as it is", async () => {
    const lines: string[] = [];
    const server = await startServer(config, { print: (l) => lines.push(l), handleSignals: false });
    await server.close();
    expect(lines.join("\n")).not.toMatch(/tenure-demo-|created from TENURE_ADMIN/);
  });
});
