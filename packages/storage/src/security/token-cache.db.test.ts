import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessRepository } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
import { createAccessRepository } from "../access/access-repository.ts";
import { createRepositories } from "../create-repositories.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";
import { tokenCacheTtlMs, withTokenCache } from "./token-cache.ts";

describe.each(testEngines())("token cache on %s", (engine) => {
  let database: Database;
  let clock = 0;
  let cached: AccessRepository;
  let seq = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db.insertInto("workspaces").values({ id: "ws_t", name: "T", slug: "t", settings: "{}" }).execute();
    cached = withTokenCache(createAccessRepository(database.db), database, { now: () => clock });
  });
  afterAll(async () => {
    await database.close();
  });

  const stored = async () => {
    seq++;
    const token = await cached.createToken({
      id: `tok_${seq}`,
      workspaceId: "ws_t",
      kind: "api",
      name: `t${seq}`,
      tokenHash: `hash_${seq}`,
      prefix: `tnr_${seq}`,
      role: "admin",
      userId: null,
      expiresAt: null,
    });
    return { ...token, hash: `hash_${seq}` };
  };
  const renameInDatabase = (id: string, name: string) => database.db.updateTable("api_tokens").set({ name }).where("id", "=", id).execute();

  it("answers a found token from memory until the time to live has passed", async () => {
    const token = await stored();
    expect((await cached.findTokenByHash(token.hash))?.name).toBe(token.name);
    await renameInDatabase(token.id, "renamed");
    clock += tokenCacheTtlMs - 1;
    expect((await cached.findTokenByHash(token.hash))?.name).toBe(token.name);
    clock += 1;
    expect((await cached.findTokenByHash(token.hash))?.name).toBe("renamed");
  });

  it("never caches an unknown hash", async () => {
    expect(await cached.findTokenByHash("hash_later")).toBeNull();
    await database.db
      .insertInto("api_tokens")
      .values({ id: "tok_later", workspace_id: "ws_t", kind: "api", name: "later", token_hash: "hash_later", prefix: "tnr_later", role: "admin" })
      .execute();
    expect((await cached.findTokenByHash("hash_later"))?.id).toBe("tok_later");
  });

  it("drops a token revoked through any repository set of the same database at once", async () => {
    const token = await stored();
    expect((await cached.findTokenByHash(token.hash))?.revokedAt).toBeNull();
    const other = createRepositories(database);
    await other.transaction((repositories) => repositories.access.revokeToken("ws_t", token.id, new Date()));
    expect((await cached.findTokenByHash(token.hash))?.revokedAt).toBeInstanceOf(Date);
    expect((await other.access.findTokenByHash(token.hash))?.revokedAt).toBeInstanceOf(Date);
  });

  it("does not keep what a lookup read while a revocation ran", async () => {
    const token = await stored();
    const lookup = cached.findTokenByHash(token.hash);
    const revoked = cached.revokeToken("ws_t", token.id, new Date());
    await Promise.all([lookup, revoked]);
    expect((await cached.findTokenByHash(token.hash))?.revokedAt).toBeInstanceOf(Date);
  });

  it("keeps last_used_at of a cached token current when it is touched", async () => {
    const token = await stored();
    await cached.findTokenByHash(token.hash);
    const at = new Date("2026-11-25T12:00:00Z");
    await cached.touchToken(token.id, at);
    expect((await cached.findTokenByHash(token.hash))?.lastUsedAt).toEqual(at);
  });
});
