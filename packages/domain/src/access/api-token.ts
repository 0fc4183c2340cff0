import type { Role, SecretKind } from "@tenure/shared";

/** A stored API token or ingestion write key (never its secret, only facts about it). */
export interface ApiToken {
  id: string;
  workspaceId: string;
  kind: SecretKind;
  name: string;
  /** The first characters of the secret, to recognise it in lists. */
  prefix: string;
  role: Role;
  /** The user the token acts for (it then takes that user's role and rows); null for a token bound to its role only. */
  userId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** What is stored for a new token: the hash of its secret, never the secret. */
export interface NewApiToken extends Pick<ApiToken, "id" | "workspaceId" | "kind" | "name" | "prefix" | "role" | "expiresAt"> {
  tokenHash: string;
  userId?: string | null;
}

/** Why a presented token does not authenticate, or null when it does. */
export function tokenRefusal(token: ApiToken | null, kind: SecretKind, now: Date): "unknown" | "revoked" | "expired" | null {
  if (!token || token.kind !== kind) return "unknown";
  if (token.revokedAt && token.revokedAt <= now) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return null;
}
