import type { PGlite } from "@electric-sql/pglite";

/**
 * A `pg.Pool`-shaped facade over one PGlite instance, so Kysely's own
 * PostgresDialect drives both engines. PGlite is a single connection, so a
 * checkout holds a lock until release: a transaction never interleaves with
 * another caller's statements.
 */
export class PglitePool {
  readonly #db: PGlite;
  #queue: Promise<void> = Promise.resolve();

  constructor(db: PGlite) {
    this.#db = db;
  }

  async connect(): Promise<PgliteClient> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#queue;
    this.#queue = previous.then(() => held);
    await previous;
    return new PgliteClient(this.#db, release);
  }

  async end(): Promise<void> {
    await this.#queue;
  }
}

interface PgLikeResult {
  command: string;
  rowCount: number;
  rows: Record<string, unknown>[];
}

class PgliteClient {
  readonly #db: PGlite;
  readonly #release: () => void;
  #released = false;

  constructor(db: PGlite, release: () => void) {
    this.#db = db;
    this.#release = release;
  }

  async query(sql: string, parameters: readonly unknown[] = []): Promise<PgLikeResult> {
    // Like pg, a statement without parameters goes through the simple-query
    // protocol, which allows several statements (migrations).
    const result =
      parameters.length === 0
        ? ((await this.#db.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.#db.query<Record<string, unknown>>(sql, [...parameters]);
    const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "";
    return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows as Record<string, unknown>[] };
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#release();
  }
}
