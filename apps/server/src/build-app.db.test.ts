import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "@tenure/api-schemas";
import { createApiToken } from "@tenure/app";
import { generateSecret, hashSecret, newId } from "@tenure/shared";
import { testEngines } from "@tenure/storage";
import { buildApp } from "./build-app.ts";
import { openTestApi, type TestApi, type TestWorkspace } from "./testing/open-test-api.ts";

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; responses?: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
}

describe.each(testEngines())("HTTP core on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
  });
  afterAll(async () => {
    await api.close();
  });

  const storedToken = async (options: { expiresAt?: Date; kind?: "api" | "write_key" }) => {
    const secret = generateSecret(options.kind ?? "api");
    await api.repositories.access.createToken({
      id: newId("token"),
      workspaceId: ws.id,
      kind: options.kind ?? "api",
      name: "t",
      prefix: secret.slice(0, 8),
      role: "admin",
      tokenHash: hashSecret(secret),
      expiresAt: options.expiresAt ?? null,
    });
    return secret;
  };

  it("answers 401 problem+json for a missing, malformed, unknown, revoked or expired token, or a write key", async () => {
    const revoked = await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "api", name: "old" });
    await api.database.db.updateTable("api_tokens").set({ revoked_at: new Date() }).where("id", "=", revoked.token.id).execute();
    const expired = await storedToken({ expiresAt: new Date(Date.now() - 1000) });
    const writeKey = await storedToken({ kind: "write_key" });
    for (const authorization of [
      undefined,
      `Basic ${Buffer.from(`${ws.token}:`).toString("base64")}`,
      "Bearer tnr_unknown",
      `Bearer ${revoked.secret}`,
      `Bearer ${expired}`,
      `Bearer ${writeKey}`,
      ws.token,
    ]) {
      const res = await api.app.inject({ method: "GET", url: "/api/customers", headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const body = res.json<Problem>();
      expect(body).toMatchObject({ status: 401, code: "invalid_token", instance: res.headers["x-request-id"] });
    }
    const ok = await api.call(ws, "GET", "/api/customers");
    expect(ok.statusCode).toBe(200);
  });

  it("accepts a valid X-Purpose and refuses an unknown one naming the header", async () => {
    expect((await api.call(ws, "GET", "/api/customers", undefined, { "x-purpose": "service" })).statusCode).toBe(200);
    const res = await api.call(ws, "GET", "/api/customers", undefined, { "x-purpose": "curiosity" });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>()).toMatchObject({ code: "invalid_input", field: "X-Purpose" });
  });

  it("answers /healthz without a token, and 503 when the database does not answer", async () => {
    const res = await api.app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    const down = await buildApp({ repositories: { ...api.repositories, ping: () => Promise.reject(new Error("connection refused")) } });
    const failed = await down.inject({ method: "GET", url: "/healthz" });
    expect(failed.statusCode).toBe(503);
    expect(failed.json<Problem>()).toMatchObject({ status: 503, code: "database_unavailable" });
    await down.close();
  });

  it("sets security headers and never shows internals of an unexpected error", async () => {
    const app = await buildApp({ repositories: api.repositories, limits: { bodyLimitBytes: 1000 } });
    app.get("/boom", { config: { auth: "none" } }, async () => {
      throw new Error("password=hunter2 at /srv/secret.ts:12");
    });
    const res = await app.inject({ method: "GET", url: "/boom" });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/hunter2|secret\.ts|at /);
    expect(res.json<Problem>()).toMatchObject({ status: 500, code: "unexpected", instance: res.headers["x-request-id"] });
    expect(res.headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");

    const auth = { authorization: `Bearer ${ws.token}`, "content-type": "application/json" };
    const big = await app.inject({ method: "POST", url: "/api/customers", headers: auth, payload: JSON.stringify({ kind: "person", name: "x".repeat(2000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json<Problem>()).toMatchObject({ code: "payload_too_large" });
    const broken = await app.inject({ method: "POST", url: "/api/customers", headers: auth, payload: "{not json" });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<Problem>()).toMatchObject({ code: "invalid_json" });
    await app.close();
  });

  it("answers unknown routes with a 404 problem", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>()).toMatchObject({ code: "route_not_found" });
  });

  it("serves a valid OpenAPI 3 document listing every route, each /api route with bearer security", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDocument>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes).toHaveProperty("bearerAuth");
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /healthz",
        "GET /api/customers",
        "POST /api/customers",
        "GET /api/customers/{id}",
        "PATCH /api/customers/{id}",
        "GET /api/customers/{id}/timeline",
      ]),
    );
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(0);
        // Signing in is the one public /api operation: it is how a browser gets its session.
        if (path.startsWith("/api/") && `${method} ${path}` !== "post /api/session") expect(operation.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      }
    }
    expect(doc.paths["/healthz"]?.["get"]?.security).toEqual([]);
  });

  it("serves the docs page without a token under a CSP that allows its own scripts only", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    const init = await api.app.inject({ method: "GET", url: "/api/docs/static/swagger-initializer.js" });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain("/api/openapi.json");
  });
});
