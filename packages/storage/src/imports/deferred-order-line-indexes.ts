import type { SqlSession } from "../database/sql-session.ts";

interface OrderLineIndex {
  readonly name: string;
  /** The constraint the index backs (primary key, unique), quoted; null for a plain index. */
  readonly constraint: string | null;
  /** CREATE INDEX … or the constraint's definition (PRIMARY KEY (…)). */
  readonly definition: string;
}

const checkTrigger = "order_lines_orders_exist_on_insert";

/**
 * A first load into an empty order_lines table builds its indexes once
 * instead of inserting into them row by row: before the first COPY the
 * indexes (primary key included) are dropped and the per-statement order
 * check (migration 0010) is disabled, and `restore` rebuilds them from their
 * own definitions and enables the check again, before anything needs them
 * (a staged upsert's ON CONFLICT, the totals refresh, the commit). For 541,909 lines this saves about half of the database's work.
 *
 * It is only done when the table holds no row of any workspace, when the
 * session's role owns the table, and when no other session holds a lock on
 * it: the ACCESS EXCLUSIVE lock taken is then held until the end of
 * the transaction, so other sessions wait to read the (empty) table. In any
 * other case the lines go in with the indexes in place, as before. A rollback
 * (a failure, a dry run) undoes the drops with everything else.
 */
export class DeferredOrderLineIndexes {
  readonly #session: SqlSession;
  #tried = false;
  #dropped: OrderLineIndex[] | null = null;

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Called before lines are copied in: drops the indexes if the table is empty and free; tried once per run. */
  async deferIfEmpty(): Promise<void> {
    if (this.#tried) return;
    this.#tried = true;
    const session = this.#session;
    // Checked first rather than tried: a failed statement would end the transaction.
    const [table] = await session.query<{ owned: boolean; checked: boolean; unused: boolean }>(
      `select pg_has_role(c.relowner, 'USAGE') as owned,
              exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = $1) as checked,
              not exists (select 1 from pg_locks l where l.relation = c.oid and l.pid <> pg_backend_pid()) as unused
         from pg_class c where c.oid = 'order_lines'::regclass`,
      [checkTrigger],
    );
    if (!table?.owned || !table.checked || !table.unused) return;
    await session.query("savepoint defer_order_line_indexes");
    await session.query("lock table order_lines in access exclusive mode");
    const [lines] = await session.query<{ empty: boolean }>("select not exists (select 1 from order_lines) as empty");
    if (!lines?.empty) {
      await session.query("rollback to savepoint defer_order_line_indexes"); // releases the lock
      return;
    }
    const indexes = await session.query<OrderLineIndex>(
      `select i.indexrelid::regclass::text as name,
              case when c.oid is null then null else format('%I', c.conname) end as constraint,
              coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)) as definition
         from pg_index i
         left join pg_constraint c on c.conrelid = i.indrelid and c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x')
        where i.indrelid = 'order_lines'::regclass`,
    );
    for (const index of indexes) {
      await session.query(index.constraint === null ? `drop index ${index.name}` : `alter table order_lines drop constraint ${index.constraint}`);
    }
    await session.query(`alter table order_lines disable trigger ${checkTrigger}`);
    await session.query("release savepoint defer_order_line_indexes");
    this.#dropped = indexes;
  }

  /**
   * Rebuild what deferIfEmpty dropped (nothing if it dropped nothing). The
   * order check is not run again: the only lines written while it was off are
   * copyNewOrderLines' copies, whose orders are those this run's INSERT returned
   * (running it over 541,909 lines would cost more than the check saved).
   */
  async restore(): Promise<void> {
    const indexes = this.#dropped;
    if (indexes === null) return;
    this.#dropped = null;
    const session = this.#session;
    // Sorting 541,909 keys in memory instead of in temporary files takes a third less time. One parallel
    // worker: the import's Node process only waits for the database now, so the second core is free
    // (PostgreSQL: the primary key 487 → 392 ms, the product index 754 → 524–753 ms).
    const [before] = await session.query<{ memory: string; workers: string }>(
      `select current_setting('maintenance_work_mem') as memory, current_setting('max_parallel_maintenance_workers') as workers,
              set_config('maintenance_work_mem', '256MB', true), set_config('max_parallel_maintenance_workers', '1', true)`,
    );
    for (const index of indexes) {
      await session.query(index.constraint === null ? index.definition : `alter table order_lines add constraint ${index.constraint} ${index.definition}`);
    }
    await session.query("select set_config('maintenance_work_mem', $1, true), set_config('max_parallel_maintenance_workers', $2, true)", [before?.memory ?? "64MB", before?.workers ?? "2"]);
    await session.query(`alter table order_lines enable trigger ${checkTrigger}`);
  }
}
