import { sql, type Kysely, type Selectable } from "kysely";
import type { User, UserCredentials, UserRepository } from "@tenure/domain";
import type { Role } from "@tenure/shared";
import type { Schema, UsersTable } from "../database/schema.ts";
import { isUniqueViolation } from "../database/unique-violation.ts";

/** UserRepository on the users table; e-mails are stored lower-cased. */
export function createUserRepository(db: Kysely<Schema>): UserRepository {
  const repository: UserRepository = {
    async findByEmail(email) {
      const rows = await db.selectFrom("users").selectAll().where(sql`lower(email)`, "=", email.trim().toLowerCase()).orderBy("created_at").execute();
      return rows.map(toUserCredentials);
    },

    async findById(workspaceId, id) {
      const row = await db.selectFrom("users").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async insert(user) {
      try {
        const row = await db
          .insertInto("users")
          .values({
            workspace_id: user.workspaceId,
            id: user.id,
            email: user.email.trim().toLowerCase(),
            name: user.name,
            role: user.role,
            password_hash: user.passwordHash,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toUser(row);
      } catch (error) {
        if (isUniqueViolation(error, "users_workspace_id_email_key")) return null;
        throw error;
      }
    },

    async setPasswordHash(workspaceId, id, passwordHash) {
      await db.updateTable("users").set({ password_hash: passwordHash }).where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
    },

    async update(workspaceId, id, changes) {
      const set = { ...(changes.role === undefined ? {} : { role: changes.role }), ...(changes.disabledAt === undefined ? {} : { disabled_at: changes.disabledAt }) };
      if (Object.keys(set).length === 0) return repository.findById(workspaceId, id);
      const row = await db.updateTable("users").set(set).where("workspace_id", "=", workspaceId).where("id", "=", id).returningAll().executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async lockEnabledAdmins(workspaceId) {
      const rows = await db
        .selectFrom("users")
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where("role", "=", "admin")
        .where("disabled_at", "is", null)
        .orderBy("id")
        .forUpdate()
        .execute();
      return rows.map((r) => r.id);
    },

    async list(workspaceId) {
      const rows = await db.selectFrom("users").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at").orderBy("id").execute();
      return rows.map(toUser);
    },

    async count(workspaceId) {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("workspace_id", "=", workspaceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
  return repository;
}

/** A users row as the domain type, without the hash. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    name: row.name,
    // The table's check constraint admits only the five roles.
    role: row.role as Role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

function toUserCredentials(row: Selectable<UsersTable>): UserCredentials {
  return { ...toUser(row), passwordHash: row.password_hash };
}
