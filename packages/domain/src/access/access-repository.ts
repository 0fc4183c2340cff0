import type { ApiToken, NewApiToken } from "./api-token.ts";

/** Stored API tokens and write keys. */
export interface AccessRepository {
  /** The token whose secret hashes to `tokenHash`, revoked or not; null if none. */
  findTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  /** Store a new token; returns it as stored. */
  createToken(token: NewApiToken): Promise<ApiToken>;
  /** Record that the token was just used (for "last used" in token lists). */
  touchToken(tokenId: string, at: Date): Promise<void>;
}
