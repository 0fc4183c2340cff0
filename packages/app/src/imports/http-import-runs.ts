import { randomUUID } from "node:crypto";
import type { ImportEntity, ImportPreset } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import type { ImportFileResult } from "./import-file.ts";
import type { ImportRejection } from "./import-tally.ts";

export type ImportRunStatus = "running" | "succeeded" | "failed";
export type ImportRefitStatus = "queued" | "already_queued" | "completed" | "failed";

/** One import started over HTTP, as it stands. */
export interface ImportRun {
  readonly id: string;
  readonly workspaceId: string;
  readonly actorId: string;
  readonly entity: ImportEntity | null;
  readonly preset: ImportPreset | null;
  readonly fileName: string | null;
  readonly dryRun: boolean;
  readonly bytesTotal: number;
  bytesRead: number;
  rowsRead: number;
  rejected: number;
  status: ImportRunStatus;
  readonly startedAt: Date;
  finishedAt: Date | null;
  result: ImportFileResult | null;
  error: { code: string; message: string; details: Record<string, unknown> } | null;
  refit: ImportRefitStatus | null;
}

/** Where the rejected rows of a run go (the server writes them to a file served as errors.csv). */
export interface ImportErrorsSink {
  /** Called once with the file's header, before any rejection. */
  header(columns: readonly string[]): void;
  reject(rejection: ImportRejection): void;
  close(): Promise<void>;
  /** The errors CSV as written so far (whole once the run has finished). */
  read(): AsyncIterable<Buffer>;
}

/** What a run holds while it is remembered. */
export interface ImportRunResources {
  readonly errors: ImportErrorsSink;
  /** Frees the uploaded file and the errors file. */
  readonly dispose: () => Promise<void>;
}

interface Tracked {
  readonly run: ImportRun;
  readonly resources: ImportRunResources;
  done: Promise<void>;
}

/**
 * The imports this server process has run over HTTP, per workspace, so their
 * progress can be polled and their errors file fetched. Held in memory: a
 * restart forgets them (the imported rows stay), and behind a load balancer
 * the polls must reach the process that took the upload (docs/importing.md).
 * Only the newest `keepPerWorkspace` finished runs are kept.
 */
export class ImportRuns {
  readonly #tracked = new Map<string, Tracked>();
  readonly #keepPerWorkspace: number;

  constructor(options: { keepPerWorkspace?: number } = {}) {
    this.#keepPerWorkspace = options.keepPerWorkspace ?? 20;
  }

  /** Register a new running import; `work` runs it and settles the run. */
  add(fields: Pick<ImportRun, "workspaceId" | "actorId" | "entity" | "preset" | "fileName" | "dryRun" | "bytesTotal">, resources: ImportRunResources, work: (run: ImportRun) => Promise<void>): ImportRun {
    const run: ImportRun = {
      ...fields,
      id: `imp_${randomUUID().replace(/-/g, "")}`,
      bytesRead: 0,
      rowsRead: 0,
      rejected: 0,
      status: "running",
      startedAt: new Date(),
      finishedAt: null,
      result: null,
      error: null,
      refit: null,
    };
    const tracked: Tracked = { run, resources, done: Promise.resolve() };
    this.#tracked.set(run.id, tracked);
    tracked.done = work(run).finally(() => this.#forgetOld(run.workspaceId));
    return run;
  }

  /** The run with this id in the workspace, or null (another workspace's runs are not found). */
  get(workspaceId: string, id: string): ImportRun | null {
    const tracked = this.#tracked.get(id);
    return tracked && tracked.run.workspaceId === workspaceId ? tracked.run : null;
  }

  /** The errors CSV of a run of the workspace, or null. */
  errorsOf(workspaceId: string, id: string): AsyncIterable<Buffer> | null {
    const tracked = this.#tracked.get(id);
    return tracked && tracked.run.workspaceId === workspaceId ? tracked.resources.errors.read() : null;
  }

  /** The workspace's runs, newest first. */
  list(workspaceId: string): ImportRun[] {
    return [...this.#tracked.values()]
      .map((t) => t.run)
      .filter((r) => r.workspaceId === workspaceId)
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  }

  /** Resolves when the run has finished (at once for an unknown id). */
  async settled(id: string): Promise<void> {
    await this.#tracked.get(id)?.done;
  }

  /** Wait for every running import, then free every run (server shutdown). */
  async close(): Promise<void> {
    const all = [...this.#tracked.values()];
    await Promise.all(all.map((t) => t.done));
    this.#tracked.clear();
    await Promise.all(all.map((t) => t.resources.dispose()));
  }

  #forgetOld(workspaceId: string): void {
    const finished = this.list(workspaceId).filter((r) => r.status !== "running");
    for (const old of finished.slice(this.#keepPerWorkspace)) {
      const tracked = this.#tracked.get(old.id);
      this.#tracked.delete(old.id);
      void tracked?.resources.dispose().catch(() => undefined);
    }
  }
}

/** The caller's recent imports on this server, newest first. */
export function listImportRuns(ctx: RequestContext, runs: ImportRuns): ImportRun[] {
  authorize(ctx, "imports.run");
  return runs.list(ctx.workspaceId);
}

/** One import of the caller's workspace; not_found for an unknown id or another workspace's run. */
export function getImportRunOrThrow(ctx: RequestContext, runs: ImportRuns, id: string): ImportRun {
  authorize(ctx, "imports.run");
  const run = runs.get(ctx.workspaceId, id);
  if (!run) throw importNotFound(id);
  return run;
}

/** The rejected rows of one import as CSV bytes; not_found as getImportRunOrThrow. */
export function readImportErrorsOrThrow(ctx: RequestContext, runs: ImportRuns, id: string): AsyncIterable<Buffer> {
  authorize(ctx, "imports.run");
  const errors = runs.errorsOf(ctx.workspaceId, id);
  if (!errors) throw importNotFound(id);
  return errors;
}

function importNotFound(id: string) {
  return notFound("import_not_found", `No import ${id} on this server (imports are forgotten when the server restarts)`, { field: "id" });
}
