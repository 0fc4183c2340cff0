import type { ApiToken, NewApiToken } from "./api-token.ts";

/** Stored API tokens and write keys. */
export interface AccessRepository {
  /** The token whose secret hashes to `tokenHash`, revoked or not; null if none. */
  findTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  /** Store a new token; returns it as stored. */
  createToken(token: NewApiToken): Promise<ApiToken>;
  /** Record that the token was just used (for "last used" in token lists). */
  touchToken(tokenId: string, at: Date): Promise<void>;
  /** The workspace's tokens and write keys, newest first (revoked ones too). */
  listTokens(workspaceId: string): Promise<ApiToken[]>;
  /** Mark the token revoked at `at` (kept for the record); null when no such token in the workspace. */
  revokeToken(workspaceId: string, tokenId: string, at: Date): Promise<ApiToken | null>;
}
