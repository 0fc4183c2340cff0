import { entityDefinition, stagedRows, type ImportSession, type RejectedReference, type StagedRows, type UpsertOutcome } from "@tenure/domain";
import { encodeCopyText, newId } from "@tenure/shared";
import { DeferredOrderLineIndexes } from "./deferred-order-line-indexes.ts";
import { importTables, type ImportTable } from "./import-tables.ts";
import type { SqlSession } from "../database/sql-session.ts";

const sqlTypes: Record<string, string> = {
  timestamp: "timestamptz",
  money: "numeric",
  decimal: "numeric",
  integer: "integer",
  boolean: "boolean",
  json: "jsonb",
};

const singular: Record<string, string> = { customers: "customer", orders: "order", products: "product" };

/**
 * The storage side of an import run. Each call bulk-loads its rows with COPY
 * into a temporary staging table (typed, so PostgreSQL parses the values
 * once), then writes them with one set-based INSERT … SELECT … ON CONFLICT.
 * Unknown references are found with one anti-join per reference column.
 * Lines of orders the run itself inserted skip all that: copyNewOrderLines
 * copies them straight into order_lines (NewOrderLineCopy prepares them).
 */
export function createImportSession(session: SqlSession, workspaceId: string): ImportSession {
  const stages = new Map<string, string>();
  const stagedCounts = new Map<string, number>();
  const insertedRows = new Map<string, number>();
  const analyzed = new Set<string>();
  /** On an empty order_lines table, its indexes are built after the copies (restore before any other use). */
  const lineIndexes = new DeferredOrderLineIndexes(session);

  // A foreign key is checked per row with a plan made once per connection from
  // the referenced table's statistics. Rows this run inserted are not in them
  // (a first import into a fresh database: the table looks empty), and the
  // plan scans the whole table on every check: 26k orders naming customers
  // spent 3.4 s of server CPU that way. ANALYZE (by the table's owner; for
  // another role it only warns) refreshes them and invalidates those plans.
  async function freshenReferencedStatistics(entity: StagedRows["entity"]): Promise<void> {
    for (const { table } of Object.values(importTables[entity].references)) {
      if (analyzed.has(table) || (insertedRows.get(table) ?? 0) < 1000) continue;
      analyzed.add(table);
      await session.query(`analyze ${table}`);
    }
  }
  const countInserted = (entity: StagedRows["entity"], inserted: number): void => {
    const { table } = importTables[entity];
    insertedRows.set(table, (insertedRows.get(table) ?? 0) + inserted);
  };

  async function stage(rows: StagedRows): Promise<string> {
    const table = importTables[rows.entity];
    const signature = `${rows.entity}:${rows.fields.join(",")}`;
    let name = stages.get(signature);
    if (name === undefined) {
      name = `import_stage_${stages.size + 1}`;
      const types = new Map(entityDefinition(rows.entity).fields.map((f) => [f.name, sqlTypes[f.type] ?? "text"]));
      const columns = [`idx integer not null`, ...(table.idKind ? ["new_id text not null"] : []), ...rows.fields.map((f) => `${f} ${types.get(f) ?? "text"}`)];
      await session.query(`create temporary table ${name} (${columns.join(", ")}) on commit drop`);
      stages.set(signature, name);
    } else if ((stagedCounts.get(name) ?? 0) > 1000) {
      await session.query(`truncate ${name}`);
    } else {
      // A few rows: DELETE is far cheaper than TRUNCATE (which swaps the table's
      // files); the dead rows it leaves are few enough to scan past.
      await session.query(`delete from ${name}`);
    }
    stagedCounts.set(name, rows.values.length);
    const kind = table.idKind;
    // Sorted, the ids of a batch (made in the same millisecond or two) follow the file's order, so each
    // index on them is appended to at its right end, and order_lines' primary key, rebuilt after a
    // first load, is built from lines already in key order (half the sort's time on PGlite).
    const ids = kind ? rows.values.map(() => newId(kind)).sort() : undefined;
    const columns = ["idx", ...(kind ? ["new_id"] : []), ...rows.fields];
    await session.copyIn(`${name} (${columns.join(", ")})`, encodeCopyText(rows.values, ids));
    return name;
  }

  // One anti-join per reference column, in one statement; a row with several unknown references is reported once.
  async function rejectedReferences(rows: StagedRows, stageName: string): Promise<RejectedReference[]> {
    const table = importTables[rows.entity];
    const checks = rows.fields.flatMap((field) => {
      const reference = table.references[field];
      if (!reference) return [];
      return [
        `select s.idx, '${field}' as field, s.${field} as value, '${reference.table}' as target from ${stageName} s
          where s.${field} is not null
            and not exists (select 1 from ${reference.table} r where r.workspace_id = $1 and r.external_id = s.${field})`,
      ];
    });
    if (checks.length === 0) return [];
    const found = await session.query<{ idx: number; field: string; value: string; target: string }>(`${checks.join(" union all ")} order by 1`, [workspaceId]);
    const rejected = new Map<number, RejectedReference>();
    for (const row of found) {
      if (rejected.has(row.idx)) continue;
      const what = singular[row.target] ?? row.target;
      rejected.set(row.idx, { index: row.idx, field: row.field, value: row.value, reason: `unknown ${what}: no ${what} with external id "${row.value}"` });
    }
    return [...rejected.values()];
  }

  // Stage the rows, report unknown references, and write them in one INSERT … SELECT … ON CONFLICT.
  async function upsertStaged(rows: StagedRows): Promise<UpsertOutcome> {
    if (rows.values.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected: [] };
    await freshenReferencedStatistics(rows.entity);
    const stageName = await stage(rows);
    const rejected = await rejectedReferences(rows, stageName);
    const table = importTables[rows.entity];
    let inserted = 0;
    let updated = 0;
    let created: (readonly [string, string])[] | undefined;
    if (rows.entity === "order-lines") {
      // ON CONFLICT needs the primary key; lines of a stored order, or a line repeated, get their orders' totals refreshed.
      await lineIndexes.restore();
      const [counts] = await session.query<{ inserted: number; updated: number; refresh: string[] }>(
        `with u as (${insertSql(table, rows, stageName, { onConflict: "update", returning: "(t.xmax = 0) as inserted, t.order_id" })})
         select count(*) filter (where inserted)::integer as inserted, count(*) filter (where not inserted)::integer as updated,
                array(select distinct order_id from u) as refresh from u`,
        [workspaceId],
      );
      if (counts && counts.refresh.length > 0) await refreshTotals("o.id = any($2)", [counts.refresh]);
      inserted = counts?.inserted ?? 0;
      updated = counts?.updated ?? 0;
    } else {
      // The ids of orders inserted are returned: their lines can then be copied straight in (copyNewOrderLines).
      const createdIds = rows.entity === "orders" ? "array_agg(key) filter (where inserted) as keys, array_agg(id) filter (where inserted) as ids" : "null as keys, null as ids";
      const [counts] = await session.query<{ inserted: number; updated: number; keys: string[] | null; ids: string[] | null }>(
        `with u as (${insertSql(table, rows, stageName, { onConflict: "update", returning: `(t.xmax = 0) as inserted, t.${table.keyColumn} as key${table.idKind ? ", t.id" : ""}` })})
         select count(*) filter (where inserted)::integer as inserted, count(*) filter (where not inserted)::integer as updated, ${createdIds} from u`,
        [workspaceId],
      );
      inserted = counts?.inserted ?? 0;
      updated = counts?.updated ?? 0;
      if (rows.entity === "orders") created = (counts?.keys ?? []).map((key, i) => [key, counts?.ids?.[i] ?? ""] as const);
    }
    countInserted(rows.entity, inserted);
    return { inserted, updated, unchanged: rows.values.length - inserted - updated - rejected.length, rejected, ...(created ? { created } : {}) };
  }

  return {
    upsert: upsertStaged,

    async copyNewOrderLines(lines) {
      if (lines.copied === 0) return;
      await lineIndexes.deferIfEmpty();
      await session.copyIn(`order_lines (${lines.columns.join(", ")})`, lines.text);
      countInserted("order-lines", lines.copied);
    },

    async lookUpProducts(externalIds) {
      if (externalIds.length === 0) return [];
      const found = await session.query<{ external_id: string; id: string }>(
        "select external_id, id from products where workspace_id = $1 and external_id = any($2::text[])",
        [workspaceId, externalIds],
      );
      const ids = new Map(found.map((row) => [row.external_id, row.id]));
      return externalIds.map((key) => [key, ids.get(key) ?? null]);
    },

    async refreshOrderTotals(orderExternalIds) {
      if (orderExternalIds.length === 0) return;
      await lineIndexes.restore();
      const ids = stagedRows("orders", ["external_id"]);
      for (const id of orderExternalIds) ids.values.push([id]);
      const stageName = await stage(ids);
      await refreshTotals(`o.external_id in (select external_id from ${stageName})`, []);
    },

    async insertMissing(rows) {
      const keys = await writtenKeys(rows, "ignore");
      countInserted(rows.entity, keys.length);
      return keys;
    },
    upsertReturningChanged: (rows) => writtenKeys(rows, "update"),

    async commit() {
      try {
        await lineIndexes.restore();
      } catch (error) {
        await session.end(false);
        throw error;
      }
      await session.end(true);
    },
    rollback: () => session.end(false),
  };

  // The keys of the rows the statement wrote (inserted, or updated when it differed).
  async function writtenKeys(rows: StagedRows, onConflict: "update" | "ignore"): Promise<string[]> {
    if (rows.values.length === 0) return [];
    const table = importTables[rows.entity];
    const stageName = await stage(rows);
    const written = await session.query<{ key: string }>(insertSql(table, rows, stageName, { onConflict, returning: `t.${table.keyColumn} as key` }), [workspaceId]);
    return written.map((r) => r.key);
  }

  // An order's total and line count follow its lines: recomputed for the
  // orders `which` selects (alias o) in one GROUP BY, written only where they changed.
  async function refreshTotals(which: string, parameters: readonly unknown[]): Promise<void> {
    await session.query(
      `update orders t set total = x.total, line_count = x.line_count, updated_at = now()
         from (select l.order_id, sum(l.amount - l.discount) as total, count(*)::integer as line_count
                 from order_lines l
                where l.workspace_id = $1
                  and l.order_id in (select o.id from orders o where o.workspace_id = $1 and ${which})
                group by l.order_id) x
        where t.workspace_id = $1 and t.id = x.order_id
          and (t.total, t.line_count) is distinct from (x.total, x.line_count)`,
      [workspaceId, ...parameters],
    );
  }
}

interface InsertOptions {
  /** What to do with a row whose key is stored: nothing, or update it where it differs. */
  readonly onConflict: "update" | "ignore";
  readonly returning: string;
}

/**
 * INSERT … SELECT from the staging table: references resolved by join (rows
 * whose reference is unknown are skipped; rejectedReferences reports them),
 * and on conflict either nothing or an update of the fields the file holds,
 * only where a value differs, so an unchanged row is not rewritten.
 */
function insertSql(table: ImportTable, rows: StagedRows, stageName: string, options: InsertOptions): string {
  const { onConflict, returning } = options;
  const definition = entityDefinition(rows.entity);
  const jsonFields = new Set(definition.fields.filter((f) => f.type === "json").map((f) => f.name));
  const columns = ["workspace_id", ...(table.idKind ? ["id"] : [])];
  const selects = ["$1", ...(table.idKind ? ["s.new_id"] : [])];
  const joins: string[] = [];
  const conditions: string[] = [];
  const updatable: string[] = [];
  rows.fields.forEach((field, i) => {
    const reference = table.references[field];
    const column = reference ? reference.column : field;
    columns.push(column);
    if (reference) {
      joins.push(`left join ${reference.table} r${i} on r${i}.workspace_id = $1 and r${i}.external_id = s.${field}`);
      conditions.push(`(s.${field} is null or r${i}.id is not null)`);
      selects.push(`r${i}.id`);
    } else {
      selects.push(`s.${field}`);
    }
    if (!definition.key.includes(field) && !rows.insertOnlyFields.includes(field)) updatable.push(column);
  });
  for (const [column, value] of Object.entries(table.insertConstants)) {
    columns.push(column);
    selects.push(value);
  }
  let conflict = `on conflict ${table.conflict} do nothing`;
  if (onConflict === "update" && updatable.length > 0) {
    const plain = updatable.filter((c) => !jsonFields.has(c));
    const json = updatable.filter((c) => jsonFields.has(c));
    const sets = [...plain.map((c) => `${c} = excluded.${c}`), ...json.map((c) => `${c} = t.${c} || excluded.${c}`), ...table.touch];
    const differs = [
      ...(plain.length > 0 ? [`(${plain.map((c) => `t.${c}`).join(", ")}) is distinct from (${plain.map((c) => `excluded.${c}`).join(", ")})`] : []),
      ...json.map((c) => `not (t.${c} @> excluded.${c})`),
    ];
    conflict = `on conflict ${table.conflict} do update set ${sets.join(", ")} where ${differs.join(" or ")}`;
  }
  return `insert into ${table.table} as t (${columns.join(", ")})
    select ${selects.join(", ")} from ${stageName} s ${joins.join(" ")}
    ${conditions.length > 0 ? `where ${conditions.join(" and ")}` : ""}
    ${conflict}
    returning ${returning}`;
}
