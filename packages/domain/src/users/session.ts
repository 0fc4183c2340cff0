import type { User } from "./user.ts";

/** A signed-in browser session. The secrets (cookie, CSRF token) are stored as hashes only. */
export interface Session {
  id: string;
  workspaceId: string;
  userId: string;
  csrfHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface NewSession extends Omit<Session, "createdAt" | "lastSeenAt" | "revokedAt"> {
  secretHash: string;
}

/** Sessions with the user who holds them. */
export interface SessionRepository {
  create(session: NewSession): Promise<Session>;
  /** The session whose secret hashes to `secretHash`, with its user; null if none. */
  findBySecretHash(secretHash: string): Promise<{ session: Session; user: User } | null>;
  touch(id: string, at: Date, expiresAt: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<void>;
  /** Revoke every session of a user (password reset). */
  revokeAllOfUser(workspaceId: string, userId: string, at: Date): Promise<void>;
}

/** Idle sessions end after this long; each use extends them. */
export const sessionIdleMs = 12 * 60 * 60 * 1000;
/** No session lives longer than this, used or not. */
export const sessionMaxMs = 7 * 24 * 60 * 60 * 1000;
