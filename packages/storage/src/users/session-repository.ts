import type { Kysely, Selectable } from "kysely";
import type { Session, SessionRepository } from "@tenure/domain";
import type { Schema, SessionsTable } from "../database/schema.ts";
import { toUser } from "./user-repository.ts";

/** SessionRepository on the sessions table (joined to users). */
export function createSessionRepository(db: Kysely<Schema>): SessionRepository {
  return {
    async create(session) {
      const row = await db
        .insertInto("sessions")
        .values({
          id: session.id,
          workspace_id: session.workspaceId,
          user_id: session.userId,
          secret_hash: session.secretHash,
          csrf_hash: session.csrfHash,
          expires_at: session.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSession(row);
    },

    async findBySecretHash(secretHash) {
      const session = await db.selectFrom("sessions").selectAll().where("secret_hash", "=", secretHash).executeTakeFirst();
      if (!session) return null;
      const user = await db.selectFrom("users").selectAll().where("workspace_id", "=", session.workspace_id).where("id", "=", session.user_id).executeTakeFirst();
      return user ? { session: toSession(session), user: toUser(user) } : null;
    },

    async touch(id, at, expiresAt) {
      await db.updateTable("sessions").set({ last_seen_at: at, expires_at: expiresAt }).where("id", "=", id).execute();
    },

    async revoke(id, at) {
      await db.updateTable("sessions").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).execute();
    },

    async revokeAllOfUser(workspaceId, userId, at) {
      await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .execute();
    },
  };
}

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    csrfHash: row.csrf_hash,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
