import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiServer } from "../../http/api-server.ts";
import { webRoutes } from "./web-routes.ts";

const made: string[] = [];
afterEach(() => {
  delete process.env.TENURE_WEB_DIST;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function appServing(files: Record<string, string> | null) {
  const dir = mkdtempSync(join(tmpdir(), "tenure-web-"));
  made.push(dir);
  for (const [path, body] of Object.entries(files ?? {})) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  process.env.TENURE_WEB_DIST = dir;
  const app = Fastify();
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ code: "route_not_found", url: request.url }));
  await webRoutes(app as unknown as ApiServer);
  return app;
}

describe("web app routes", () => {
  const built = { "index.html": "<!doctype html><title>Tenure</title>", "assets/index-abc.js": `console.log(${JSON.stringify("x".repeat(2000))})` };

  it("serves index.html for the app's own paths, so its router shows the page", async () => {
    const app = await appServing(built);
    for (const url of ["/", "/customers/cus_1?tab=orders", "/dashboard"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain("<title>Tenure</title>");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    }
  });

  it("serves hashed assets gzipped and cached for a year, and answers 304 to a known etag", async () => {
    const app = await appServing(built);
    const res = await app.inject({ url: "/assets/index-abc.js", headers: { "accept-encoding": "gzip, br" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["cache-control"]).toContain("immutable");
    expect(res.rawPayload.length).toBeLessThan(2000);
    const again = await app.inject({ url: "/assets/index-abc.js", headers: { "if-none-match": String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it("leaves API, survey and ingestion paths and unknown files to the not-found handler", async () => {
    const app = await appServing(built);
    for (const url of ["/api/nothing", "/s/abc", "/v1/track", "/assets/missing.js", "/favicon.ico"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain("<title>Tenure</title>");
    }
  });

  it("reads no file outside the build: a path climbing out gets the app shell", async () => {
    const app = await appServing(built);
    const res = await app.inject({ url: "/../../../../etc/passwd" });
    expect(res.body).not.toContain("root:");
    expect(res.body).toContain("<title>Tenure</title>");
  });

  it("says how to build the app when there is no build", async () => {
    const app = await appServing(null);
    const res = await app.inject({ url: "/customers" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm run build");
  });
});
