import type { Kysely, Selectable } from "kysely";
import type { AccessRepository, ApiToken } from "@tenure/domain";
import type { Role } from "@tenure/shared";
import type { ApiTokensTable, Schema } from "../database/schema.ts";

/** AccessRepository on the api_tokens table. */
export function createAccessRepository(db: Kysely<Schema>): AccessRepository {
  return {
    async findTokenByHash(tokenHash) {
      const row = await db.selectFrom("api_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
      return row ? toApiToken(row) : null;
    },

    async createToken(token) {
      const row = await db
        .insertInto("api_tokens")
        .values({
          id: token.id,
          workspace_id: token.workspaceId,
          kind: token.kind,
          name: token.name,
          token_hash: token.tokenHash,
          prefix: token.prefix,
          role: token.role,
          user_id: token.userId ?? null,
          expires_at: token.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApiToken(row);
    },

    async touchToken(tokenId, at) {
      await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", tokenId).execute();
    },

    async listTokens(workspaceId) {
      const rows = await db.selectFrom("api_tokens").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at", "desc").orderBy("id", "desc").execute();
      return rows.map(toApiToken);
    },

    async revokeToken(workspaceId, tokenId, at) {
      await db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", tokenId)
        .where("revoked_at", "is", null)
        .execute();
      const row = await db.selectFrom("api_tokens").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", tokenId).executeTakeFirst();
      return row ? toApiToken(row) : null;
    },
  };
}

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    // The table's check constraint admits only the five roles.
    role: row.role as Role,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
