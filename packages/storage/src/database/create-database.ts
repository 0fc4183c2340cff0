import { mkdirSync } from "node:fs";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.ts";
import { PglitePool } from "./pglite-pool.ts";
import type { Schema } from "./schema.ts";

export type Engine = "pglite" | "postgres";

/**
 * An open database: a Kysely handle plus the engine-specific pieces that a
 * query builder cannot express (bulk COPY). Create it with createDatabase().
 */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly engine: Engine;
  /** The raw PGlite instance when engine = pglite (for COPY FROM '/dev/blob'). */
  readonly pglite: PGlite | null;
  /** The pg pool when engine = postgres (for pg-copy-streams). */
  readonly pool: pg.Pool | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  url?: string | undefined;
  /** PGlite data directory; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** Pool size on a server. */
  poolSize?: number;
  /** An in-memory PGlite starts from this data directory (a tar from dumpDataDir) instead of an empty cluster. */
  pgliteImage?: Blob | undefined;
  /**
   * Told when an idle pooled connection fails (the server restarted, a
   * network drop, an administrator ended the session). The pool drops that
   * connection and opens another on the next query; without a listener the
   * pool's "error" event would end the process. Default: one line on stderr.
   */
  onConnectionLost?: (error: Error) => void;
}

// Same value shapes on both engines: int8 → number (counts), numeric → exact
// decimal string, date → "YYYY-MM-DD", timestamptz → Date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** Open PGlite (embedded, default) or a PostgreSQL server. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openServer(options.url, options.poolSize ?? 10, options.onConnectionLost ?? reportConnectionLost);
  return openPglite(options.dataDir, options.pgliteImage);
}

function reportConnectionLost(error: Error): void {
  process.stderr.write(`tenure: a database connection was lost and will be replaced: ${error.message}\n`);
}

async function openServer(url: string, poolSize: number, onConnectionLost: (error: Error) => void): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === INT8) return (v: string) => Number(v);
        if (oid === NUMERIC || oid === DATE) return (v: string) => v;
        return pg.types.getTypeParser(oid, format ?? "text");
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("error", onConnectionLost);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    pglite: null,
    pool,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string | undefined, image: Blob | undefined): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(image ? { loadDataDir: image } : {}),
      relaxedDurability: false,
      parsers: {
        [INT8]: (v: string) => Number(v),
        [NUMERIC]: (v: string) => v,
        [DATE]: (v: string) => v,
        [pgliteTypes.TIMESTAMPTZ]: (v: string) => new Date(v),
      },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const pool = new PglitePool(pglite);
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
  return {
    db,
    engine: "pglite",
    pglite,
    pool: null,
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
