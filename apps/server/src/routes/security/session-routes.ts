import { describeCaller, signIn, signOut, SignInThrottle, type Caller } from "@tenure/app";
import { problemSchema, sessionMeSchema, signedInSchema, signInBodySchema } from "@tenure/api-schemas";
import { isAppError } from "@tenure/shared";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { clearSessionCookie, setSessionCookie } from "../../http/session-cookie.ts";
import { problemResponses } from "../problem-responses.ts";

function toMeJson(caller: Caller, by: "session" | "token") {
  return {
    workspace_id: caller.workspaceId,
    actor_id: caller.actorId,
    role: caller.role,
    permissions: [...caller.permissions],
    user: caller.user ? { id: caller.user.id, email: caller.user.email, name: caller.user.name, role: caller.user.role } : null,
    authenticated_by: by,
  };
}

/** POST /api/session (sign in), DELETE /api/session (sign out), GET /api/session/me. */
export async function sessionRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  // One back-off table per server process (docs/security.md: several processes each keep their own).
  const throttle = new SignInThrottle();

  app.post(
    "/api/session",
    {
      config: { auth: "none" },
      schema: {
        tags: ["session"],
        summary: "Sign in with e-mail and password",
        description:
          "Sets the HttpOnly session cookie and returns a CSRF token to send as X-CSRF-Token on unsafe requests. Wrong e-mail and wrong password answer the same 401; repeated failures answer 429 with Retry-After.",
        body: signInBodySchema,
        response: { 200: signedInSchema, 429: problemSchema.describe("Too many failed sign-ins; see Retry-After"), ...problemResponses },
      },
    },
    async (request, reply) => {
      try {
        const signedIn = await signIn(
          { repositories: deps.repositories, throttle },
          { email: request.body.email, password: request.body.password, address: request.ip, requestId: request.id },
        );
        setSessionCookie(request, reply, signedIn.secret, signedIn.session.expiresAt);
        const ctx = { workspaceId: signedIn.user.workspaceId, actorId: signedIn.user.id, role: signedIn.user.role, purpose: null, requestId: request.id };
        const caller = await describeCaller(ctx, deps);
        return { ...toMeJson(caller, "session"), csrf_token: signedIn.csrfToken, expires_at: signedIn.session.expiresAt.toISOString() };
      } catch (error) {
        if (isAppError(error) && typeof error.details.retryAfterSeconds === "number") reply.header("retry-after", String(error.details.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.delete(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign out: end this session and clear its cookie",
        response: { 204: z.null().describe("Signed out"), ...problemResponses },
      },
    },
    async (request, reply) => {
      requestContext(request);
      if (request.sessionSecret) await signOut(deps, { secret: request.sessionSecret });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/session/me",
    {
      schema: {
        tags: ["session"],
        summary: "Who is calling, with which role and permissions",
        response: { 200: sessionMeSchema, ...problemResponses },
      },
    },
    async (request) => toMeJson(await describeCaller(requestContext(request), deps), request.sessionSecret ? "session" : "token"),
  );
}
