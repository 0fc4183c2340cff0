import { tokenRefusal, type Repositories } from "@tenure/domain";
import { AppError, hashSecret, type Purpose, type RequestContext, type SecretKind } from "@tenure/shared";

export interface AuthenticateTokenInput {
  /** Which kind of secret the caller must present: API token or ingestion write key. */
  kind: SecretKind;
  /** The secret as presented (e.g. the Bearer value). */
  secret: string;
  purpose: Purpose | null;
  requestId: string;
  now?: Date;
}

// last_used_at is a hint for token lists, written at most this often so that
// authentication stays a single indexed read on the hot path.
const touchIntervalMs = 60_000;

/**
 * Authenticate a presented secret and build the RequestContext every use
 * case receives: workspace from the token, actor = token id, role = token
 * role. Throws `unauthenticated` (code invalid_token) for an unknown,
 * revoked or expired secret, or one of the other kind; the message does not
 * say which, so a guesser learns nothing.
 */
export async function authenticateToken(deps: { repositories: Pick<Repositories, "access" | "users"> }, input: AuthenticateTokenInput): Promise<RequestContext> {
  const now = input.now ?? new Date();
  const token = input.secret ? await deps.repositories.access.findTokenByHash(hashSecret(input.secret)) : null;
  // A token bound to a user acts as that user: the user's current role, and nothing once the user is disabled.
  const user = token?.userId ? await deps.repositories.users.findById(token.workspaceId, token.userId) : null;
  if (!token || tokenRefusal(token, input.kind, now) !== null || (token.userId !== null && (!user || user.disabledAt !== null))) {
    const what = input.kind === "api" ? "API token" : "write key";
    throw new AppError("invalid_token", "unauthenticated", `The ${what} is missing, unknown, revoked or expired`);
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > touchIntervalMs) {
    await deps.repositories.access.touchToken(token.id, now);
  }
  if (user) return { workspaceId: token.workspaceId, actorId: user.id, role: user.role, purpose: input.purpose, requestId: input.requestId };
  return { workspaceId: token.workspaceId, actorId: token.id, role: token.role, purpose: input.purpose, requestId: input.requestId };
}
