import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "./create-database.ts";

/**
 * One database connection held for a whole bulk run (import, demo load,
 * customer-value refit), with the one thing
 * Kysely cannot do: COPY … FROM STDIN. Opened in a transaction; `end`
 * commits or rolls back and gives the connection back.
 */
export interface SqlSession {
  query<R>(sql: string, parameters?: readonly unknown[]): Promise<R[]>;
  /** Run `COPY <target> FROM STDIN` (PostgreSQL) / `FROM '/dev/blob'` (PGlite) with `text` in COPY text format (or its UTF-8 bytes). */
  copyIn(target: string, text: string | Uint8Array): Promise<void>;
  end(commit: boolean): Promise<void>;
}

/** Open a session on the database's engine and BEGIN. */
export async function openSqlSession(database: Database): Promise<SqlSession> {
  if (database.pool) return openServerSession(database.pool);
  if (database.pglite) return openPgliteSession(database);
  throw new Error("database has neither a pool nor a PGlite instance");
}

async function openServerSession(pool: NonNullable<Database["pool"]>): Promise<SqlSession> {
  const client = await pool.connect();
  try {
    await client.query("begin");
  } catch (error) {
    client.release(true);
    throw error;
  }
  let broken = false;
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      broken = true;
      throw error;
    }
  };
  return {
    query: (sql, parameters = []) => guard(async () => (await client.query(sql, [...parameters])).rows),
    copyIn: (target, text) => guard(() => pipeline(Readable.from([typeof text === "string" ? Buffer.from(text, "utf8") : text]), client.query(copyFrom(`copy ${target} from stdin`)))),
    end: async (commit) => {
      try {
        await client.query(commit && !broken ? "commit" : "rollback");
        client.release();
      } catch (error) {
        client.release(true);
        throw error;
      }
    },
  };
}

/**
 * PGlite is a single connection and Kysely's PglitePool hands it out one
 * checkout at a time; raw `database.pglite` calls bypass that lock. So the
 * session checks a connection out through Kysely (db.connection()) and keeps
 * it checked out until `end`: every other Kysely user waits, and our raw
 * calls (needed for COPY FROM '/dev/blob') cannot interleave with theirs.
 */
async function openPgliteSession(database: Database): Promise<SqlSession> {
  const pglite = database.pglite;
  if (!pglite) throw new Error("not a PGlite database");
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let held!: Promise<void>;
  await new Promise<void>((acquired, failed) => {
    held = database.db.connection().execute(async () => {
      acquired();
      await finished;
    });
    held.catch(failed);
  });
  try {
    await pglite.exec("begin");
  } catch (error) {
    finish();
    await held;
    throw error;
  }
  return {
    query: async <R>(sql: string, parameters: readonly unknown[] = []) => (await pglite.query<R>(sql, [...parameters])).rows,
    copyIn: async (target, text) => {
      await pglite.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    end: async (commit) => {
      try {
        await pglite.exec(commit ? "commit" : "rollback");
      } finally {
        finish();
        await held;
      }
    },
  };
}
