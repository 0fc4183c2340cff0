import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiServer } from "../../http/api-server.ts";
import { loadWebAssets, webDistDirectory, type WebAsset } from "./web-assets.ts";
import { notBuiltPage } from "./not-built-page.ts";

// The app's own policy: scripts, styles and data only from this server.
// Inline style attributes (chart legend swatches) need 'unsafe-inline' for styles only.
const appPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-src blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const notBuiltPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Paths the single-page app never answers: the API, public survey pages, ingestion.
const serverPrefixes = ["/api/", "/s/", "/v1/"];

/**
 * The web app (apps/web, built by `npm run build`) at /: its files from
 * memory, and index.html for every other GET that is not an API, survey or
 * ingestion path, so the app's router shows the page. Without a build, /
 * says how to make one. Public: the app signs in through /api/session.
 */
export async function webRoutes(app: ApiServer): Promise<void> {
  const directory = webDistDirectory();
  const assets = loadWebAssets(directory);
  if (!assets) app.log.warn(`The web app is not built (no ${directory}/index.html): run "npm run build" in the Tenure folder.`);

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodeURIComponent(request.url.split("?")[0] ?? "/");
    if (serverPrefixes.some((prefix) => path.startsWith(prefix)) || path === "/api" || path === "/v1") return reply.callNotFound();
    if (!assets) {
      reply.header("content-security-policy", notBuiltPolicy).header("cache-control", "no-store");
      return reply.code(503).type("text/html; charset=utf-8").send(notBuiltPage(directory));
    }
    const file = assets.get(path);
    if (!file && (path.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(path))) return reply.callNotFound();
    return sendAsset(request, reply, file ?? (assets.get("/index.html") as WebAsset));
  };
  const options = { config: { auth: "none" as const }, schema: { hide: true } };
  app.get("/", options, handler);
  app.get("/*", options, handler);
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: WebAsset) {
  reply.header("content-security-policy", appPolicy);
  reply.header("cache-control", asset.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  reply.header("etag", asset.etag);
  reply.header("vary", "accept-encoding");
  reply.type(asset.type);
  if (request.headers["if-none-match"] === asset.etag) return reply.code(304).send();
  const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if (asset.gzip && acceptsGzip) return reply.header("content-encoding", "gzip").send(asset.gzip);
  return reply.send(asset.body);
}
