import { randomBytes } from "node:crypto";
import { sessionIdleMs, type Repositories, type Session, type User } from "@tenure/domain";
import { AppError, hashSecret, newId } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import type { SignInThrottle } from "./sign-in-throttle.ts";
import { verifyDummyPassword, verifyPassword } from "./password-hashing.ts";

export interface SignInInput {
  email: string;
  password: string;
  /** The caller's address, for the per-address back-off. */
  address: string;
  requestId: string;
  now?: Date;
}

export interface SignedIn {
  user: User;
  session: Session;
  /** The session secret for the cookie; only its hash is stored. */
  secret: string;
  /** Send back as X-CSRF-Token on unsafe requests authenticated by the cookie. */
  csrfToken: string;
}

const refused = () => new AppError("invalid_credentials", "unauthenticated", "The e-mail or password is wrong");

/**
 * Sign a staff user in: e-mail and password → a new session. Every failure
 * answers the same message after the same work (an unknown e-mail verifies
 * a dummy hash), so nobody learns which accounts exist. Failures per e-mail
 * and per address grow a back-off (`rate_limited`, details.retryAfterSeconds).
 */
export async function signIn(
  deps: { repositories: Pick<Repositories, "users" | "sessions" | "audit">; throttle: SignInThrottle },
  input: SignInInput,
): Promise<SignedIn> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `address:${input.address}`];
  const waitMs = deps.throttle.waitMs(keys, now.getTime());
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new AppError("too_many_attempts", "rate_limited", `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
  const candidates = (await deps.repositories.users.findByEmail(email)).filter((u) => u.disabledAt === null && u.passwordHash !== null);
  let user: User | null = null;
  if (candidates.length === 0) await verifyDummyPassword(input.password);
  for (const candidate of candidates) {
    if (candidate.passwordHash !== null && (await verifyPassword(candidate.passwordHash, input.password))) {
      const { passwordHash: _hash, ...rest } = candidate;
      user = rest;
      break;
    }
  }
  if (!user) {
    deps.throttle.recordFailure(keys, now.getTime());
    throw refused();
  }
  deps.throttle.recordSuccess(`email:${email}`);
  const secret = `tns_${randomBytes(32).toString("base64url")}`;
  const csrfToken = randomBytes(24).toString("base64url");
  const session = await deps.repositories.sessions.create({
    id: newId("session"),
    workspaceId: user.workspaceId,
    userId: user.id,
    secretHash: hashSecret(secret),
    csrfHash: hashSecret(csrfToken),
    expiresAt: new Date(now.getTime() + sessionIdleMs),
  });
  const ctx = { workspaceId: user.workspaceId, actorId: user.id, role: user.role, purpose: null, requestId: input.requestId };
  await deps.repositories.audit.append([auditEntry(ctx, "session.sign_in", null, [], { session_id: session.id })]);
  return { user, session, secret, csrfToken };
}
