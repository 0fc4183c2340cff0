import type { AccessRepository, ApiToken } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";

/**
 * How long a token found by its hash is used without reading api_tokens
 * again. A revocation made in this process takes effect at once (the entry is
 * dropped); one made by another process (a second server on the same
 * PostgreSQL, `tenure token revoke` against a running server) takes effect
 * within this time. See docs/decisions/0006-server-bundle-and-token-cache.md.
 */
export const tokenCacheTtlMs = 5_000;
/** Bound on cached tokens; the oldest entry goes first. Unknown hashes are never cached. */
const maxEntries = 10_000;

interface Entry {
  token: ApiToken;
  until: number;
}

/** The cache shared by every repository set of one open database (transactions included). */
interface TokenCache {
  entries: Map<string, Entry>;
  /** Bumped by each revocation, so a lookup that raced one does not store what it read. */
  revocations: number;
}

const caches = new WeakMap<Database, TokenCache>();

export interface TokenCacheOptions {
  /** Clock in ms (tests). */
  now?: () => number;
}

/**
 * `access` with findTokenByHash answered from memory for tokenCacheTtlMs:
 * authentication then costs no database round trip on most requests. Expiry
 * is still checked on every request (by the caller, from expires_at);
 * revokeToken through any repository of the same `database` drops the token
 * from the cache before and after the update.
 */
export function withTokenCache(access: AccessRepository, database: Database, options: TokenCacheOptions = {}): AccessRepository {
  const now = options.now ?? Date.now;
  const cache = cacheOf(database);
  const forget = (tokenId: string): void => {
    for (const [hash, entry] of cache.entries) if (entry.token.id === tokenId) cache.entries.delete(hash);
  };
  return {
    ...access,
    async findTokenByHash(tokenHash) {
      const hit = cache.entries.get(tokenHash);
      if (hit && hit.until > now()) return hit.token;
      const revocations = cache.revocations;
      const token = await access.findTokenByHash(tokenHash);
      cache.entries.delete(tokenHash);
      if (token && revocations === cache.revocations) {
        if (cache.entries.size >= maxEntries) {
          const oldest = cache.entries.keys().next();
          if (!oldest.done) cache.entries.delete(oldest.value);
        }
        cache.entries.set(tokenHash, { token, until: now() + tokenCacheTtlMs });
      }
      return token;
    },
    async touchToken(tokenId, at) {
      await access.touchToken(tokenId, at);
      for (const entry of cache.entries.values()) if (entry.token.id === tokenId) entry.token = { ...entry.token, lastUsedAt: at };
    },
    async revokeToken(workspaceId, tokenId, at) {
      cache.revocations++;
      forget(tokenId);
      try {
        return await access.revokeToken(workspaceId, tokenId, at);
      } finally {
        cache.revocations++;
        forget(tokenId);
      }
    },
  };
}

function cacheOf(database: Database): TokenCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = { entries: new Map(), revocations: 0 };
    caches.set(database, cache);
  }
  return cache;
}
