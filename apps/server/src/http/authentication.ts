import type { FastifyRequest } from "fastify";
import { authenticateSession, authenticateToken } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import { AppError, invalidInput, type Purpose, type RequestContext } from "@tenure/shared";
import type { ApiServer, AuthMode } from "./api-server.ts";
import { cookieValue, isSameOrigin, sessionCookieName } from "./session-cookie.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

const purposes: readonly Purpose[] = ["service", "sales", "marketing", "analytics", "billing"];

/**
 * Authenticate every request by its route's `config.auth` (default `api`):
 * `api` wants `Authorization: Bearer <API token>` or the session cookie of
 * a signed-in user (unsafe methods then need X-CSRF-Token, docs/security.md); `write_key` accepts the
 * write key as a Basic user name (as Segment libraries send it) or as a
 * Bearer token; `none` skips. On success `request.ctx` holds the context
 * use cases receive. Unknown routes skip, so they answer 404.
 */
export function registerAuthentication(app: ApiServer, repositories: Repositories): void {
  app.decorateRequest("ctx", null);
  app.decorateRequest("sessionSecret", null);
  app.addHook("onRequest", async (request) => {
    if (request.is404) return;
    const mode: AuthMode = request.routeOptions.config.auth ?? "api";
    if (mode === "none") return;
    // The web app signs in with a session cookie; API clients send a Bearer token.
    const cookie = mode === "api" && !request.headers.authorization ? cookieValue(request, sessionCookieName) : null;
    if (cookie !== null) {
      if (!isSameOrigin(request)) throw new AppError("cross_origin", "forbidden", "Cross-site requests with the session cookie are refused", { field: "Origin" });
      const purpose = purposeOf(request);
      const unsafe = !safeMethods.has(request.method);
      const csrf = request.headers["x-csrf-token"];
      const found = await authenticateSession(
        { repositories },
        { secret: cookie, unsafe, csrfToken: typeof csrf === "string" ? csrf : null, purpose, requestId: request.id },
      );
      request.ctx = found.ctx;
      request.sessionSecret = cookie;
      return;
    }
    const secret = presentedSecret(request, mode);
    request.ctx = await authenticateToken(
      { repositories },
      { kind: mode === "api" ? "api" : "write_key", secret, purpose: null, requestId: request.id },
    );
    request.ctx.purpose = purposeOf(request);
  });
}

/** The authenticated context of a request; a route without authentication has none. */
export function requestContext(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError("no_context", "unexpected", "Route has no authenticated context");
  return request.ctx;
}

function presentedSecret(request: FastifyRequest, mode: AuthMode): string {
  const header = request.headers.authorization ?? "";
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  if (mode === "write_key") {
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (basic?.[1]) return Buffer.from(basic[1], "base64").toString("utf8").split(":")[0] ?? "";
  }
  return "";
}

function purposeOf(request: FastifyRequest): Purpose | null {
  const value = request.headers["x-purpose"];
  if (value === undefined || value === "") return null;
  const purpose = purposes.find((p) => p === value);
  if (!purpose) throw invalidInput("X-Purpose", `X-Purpose must be one of ${purposes.join(", ")}`);
  return purpose;
}
