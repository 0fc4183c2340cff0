import { sessionIdleMs, sessionMaxMs, type Repositories, type Session, type User } from "@tenure/domain";
import { AppError, hashSecret, sameHash, type Purpose, type RequestContext } from "@tenure/shared";

export interface AuthenticateSessionInput {
  /** The session cookie's value. */
  secret: string;
  /** True for POST, PUT, PATCH, DELETE: the CSRF token must then match. */
  unsafe: boolean;
  /** The X-CSRF-Token header, if sent. */
  csrfToken: string | null;
  purpose: Purpose | null;
  requestId: string;
  now?: Date;
}

export interface SessionContext {
  ctx: RequestContext;
  session: Session;
  user: User;
}

// last_seen_at / expires_at are written at most this often.
const touchIntervalMs = 60_000;

/**
 * The context of a request authenticated by a session cookie. Unknown,
 * revoked or expired sessions and disabled users are `unauthenticated`
 * (invalid_session); an unsafe method without the session's CSRF token is
 * `forbidden` (csrf_token_invalid). Each use slides the idle expiry, never
 * past the session's maximum age.
 */
export async function authenticateSession(deps: { repositories: Pick<Repositories, "sessions"> }, input: AuthenticateSessionInput): Promise<SessionContext> {
  const now = input.now ?? new Date();
  const found = input.secret ? await deps.repositories.sessions.findBySecretHash(hashSecret(input.secret)) : null;
  if (!found || found.session.revokedAt !== null || found.session.expiresAt <= now || found.user.disabledAt !== null) {
    throw new AppError("invalid_session", "unauthenticated", "The session is missing, unknown, signed out or expired; sign in again");
  }
  const { session, user } = found;
  if (input.unsafe && (input.csrfToken === null || !sameHash(hashSecret(input.csrfToken), session.csrfHash))) {
    throw new AppError("csrf_token_invalid", "forbidden", "Send the session's CSRF token (from POST /api/session) in the X-CSRF-Token header", {
      field: "X-CSRF-Token",
    });
  }
  if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalMs) {
    const expiresAt = new Date(Math.min(now.getTime() + sessionIdleMs, session.createdAt.getTime() + sessionMaxMs));
    await deps.repositories.sessions.touch(session.id, now, expiresAt);
  }
  return {
    ctx: { workspaceId: user.workspaceId, actorId: user.id, role: user.role, purpose: input.purpose, requestId: input.requestId },
    session,
    user,
  };
}
