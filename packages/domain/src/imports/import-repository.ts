import type { ImportEntity } from "./import-entity.ts";

/** The workspace a file is imported into. */
export interface ImportWorkspace {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly defaultCurrency: string;
}

/**
 * Validated rows of one entity, ready for the database: `values[i]` holds the
 * canonical text of `fields` (null = empty) for the file line `lines[i]`
 * (0 for a record derived from many lines).
 */
export interface StagedRows {
  readonly entity: ImportEntity;
  readonly fields: readonly string[];
  /** Fields written when a row is inserted but never used to overwrite a stored row. */
  readonly insertOnlyFields: readonly string[];
  readonly lines: number[];
  readonly values: (string | null)[][];
}

/** A staged row the database refused because a record it names does not exist. */
export interface RejectedReference {
  /** Index of the row in its StagedRows. */
  readonly index: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

/** What an upsert did: each staged row is inserted, updated, unchanged or rejected. */
export interface UpsertOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RejectedReference[];
  /** Orders only: [external id, id] of each order inserted (their lines can go through copyNewOrderLines). */
  readonly created?: readonly (readonly [string, string])[];
}

/** Rows for order_lines in COPY text format (see NewOrderLineCopy), as text or as its UTF-8 bytes. */
export interface OrderLineCopy {
  readonly columns: readonly string[];
  readonly text: string | Uint8Array;
  /** Rows in `text`. */
  readonly copied: number;
}

/**
 * One import run: a single database transaction over the whole file, so a
 * file that turns out unreadable halfway stores nothing (rollback), and a
 * dry run rolls back after counting. Calls must not overlap.
 */
export interface ImportSession {
  /**
   * Insert new rows and update stored rows that differ (matched by the
   * entity's key: external id, message id, or order + line number); rows
   * naming an unknown customer, order or product are rejected. Order lines
   * keep their orders' total and line count right: an order gets them
   * recomputed when one of its lines changed, or when a line was added to an
   * order this run did not create (one this run creates carries its totals).
   * A key must not repeat within one call; a row whose key an earlier call
   * wrote updates that row (last wins), also for lines copied by
   * copyNewOrderLines.
   */
  upsert(rows: StagedRows): Promise<UpsertOutcome>;
  /**
   * Store lines of orders this run inserted (upsert's `created`) with one
   * COPY, their totals already the orders' own. The caller guarantees each
   * line's order was created by this run and its key is not stored yet
   * (NewOrderLineCopy keeps track). On an empty order_lines table the first
   * call defers its indexes to the end of the run.
   */
  copyNewOrderLines(lines: OrderLineCopy): Promise<void>;
  /** [external id, id] of each product named, id null when it is not stored. */
  lookUpProducts(externalIds: readonly string[]): Promise<[string, string | null][]>;
  /** Recompute total and line count, from their stored lines, of the orders with these external ids. */
  refreshOrderTotals(orderExternalIds: readonly string[]): Promise<void>;
  /** Insert the rows whose external id is not stored yet and leave stored ones alone; returns the ids inserted. */
  insertMissing(rows: StagedRows): Promise<string[]>;
  /** Like upsert (no references allowed), returning the external ids of the rows inserted or changed. */
  upsertReturningChanged(rows: StagedRows): Promise<string[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Bulk loading of imported files (packages/storage: COPY into staging tables, then set-based upserts). */
export interface ImportRepository {
  /** The workspace with `slug`; without one, the "demo" workspace, else the oldest. Null when none exists. */
  findWorkspace(slug: string | null): Promise<ImportWorkspace | null>;
  /** Open an import run in `workspaceId`. Not inside Repositories.transaction(): it holds its own connection. */
  begin(workspaceId: string): Promise<ImportSession>;
}
