import { Worker } from "node:worker_threads";
import { AppError } from "@tenure/shared";
import type { FromWorker, OnlineRetailWorkerData, ToWorker, WorkerError } from "./online-retail-messages.ts";

/** Set to true by the bundler (scripts/build-bundle.mjs): the worker is then apps/cli/dist/import-worker.mjs. */
declare const __TENURE_BUNDLE__: boolean | undefined;

/** The worker's script: the bundled one, or (from source: tests, no bundle) a loader that registers tsx and imports the TypeScript. */
function workerScript(): URL {
  if (typeof __TENURE_BUNDLE__ !== "undefined" && __TENURE_BUNDLE__) return new URL("../../../../apps/cli/dist/import-worker.mjs", import.meta.url);
  return new URL("./online-retail-worker-from-source.mjs", import.meta.url);
}

/** What the worker sends after the header: the messages writeOnlineRetailFile acts on. */
export type WorkerReport = Exclude<FromWorker, { type: "pull" } | { type: "header" } | { type: "error" }>;

/** The header as the worker read it. */
export interface WorkerHeader {
  readonly header: readonly string[];
  readonly delimiter: "," | "\t";
  /** Why the preset cannot read this header (null: it can). */
  readonly problems: readonly string[] | null;
}

/**
 * The thread that holds the database's side of an Online Retail import
 * (online-retail-worker.ts is the other): it feeds the worker the file's
 * bytes when asked, and hands its reports over in order. A failure on
 * either side (an unreadable file, a crashed worker, a source that fails)
 * ends the reports with that error; close() stops the worker.
 */
export class OnlineRetailWorker {
  readonly #worker: Worker;
  readonly #source: AsyncIterator<Buffer | string>;
  readonly #queue: (FromWorker | Error)[] = [];
  #wake: (() => void) | null = null;
  #closed = false;

  private constructor(source: AsyncIterable<Buffer | string>, data: OnlineRetailWorkerData) {
    this.#source = source[Symbol.asyncIterator]();
    // The worker makes short-lived strings and arrays for every line: a larger young generation means fewer collections.
    this.#worker = new Worker(workerScript(), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    this.#worker.on("message", (message: FromWorker) => {
      if (message.type === "pull") void this.#pump();
      else this.#push(message.type === "error" ? rebuildError(message.error) : message);
    });
    this.#worker.on("error", (error) => this.#push(error));
    this.#worker.on("exit", (code) => {
      if (!this.#closed) this.#push(new Error(`the import worker stopped unexpectedly (exit code ${code})`));
    });
  }

  /** Start a worker on `source` and wait for the file's header. */
  static async start(source: AsyncIterable<Buffer | string>, data: OnlineRetailWorkerData): Promise<{ worker: OnlineRetailWorker; header: WorkerHeader }> {
    const worker = new OnlineRetailWorker(source, data);
    try {
      const first = await worker.#next();
      if (first.type !== "header") throw new Error(`the import worker sent ${first.type} before the header`);
      return { worker, header: first };
    } catch (error) {
      await worker.close();
      throw error;
    }
  }

  /** The worker's reports, up to and including "done". */
  async *reports(): AsyncGenerator<WorkerReport> {
    for (;;) {
      const message = await this.#next();
      if (message.type === "header") throw new Error("the import worker sent its header twice");
      yield message;
      if (message.type === "done") return;
    }
  }

  send(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#worker.terminate();
    await this.#source.return?.();
  }

  async #next(): Promise<Exclude<FromWorker, { type: "pull" } | { type: "error" }>> {
    while (this.#queue.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
    const next = this.#queue.shift();
    if (next instanceof Error) {
      this.#queue.unshift(next); // every later call fails the same way
      throw next;
    }
    if (next === undefined || next.type === "pull" || next.type === "error") throw new Error("unreachable: pulls and errors are not queued");
    return next;
  }

  #push(item: FromWorker | Error): void {
    this.#queue.push(item);
    this.#wake?.();
    this.#wake = null;
  }

  /** Answer a pull: the next piece of the source, or its end. */
  async #pump(): Promise<void> {
    try {
      const next = await this.#source.next();
      if (this.#closed) return;
      if (next.done) this.send({ type: "end" });
      else this.send({ type: "bytes", chunk: typeof next.value === "string" ? Buffer.from(next.value) : next.value });
    } catch (error) {
      this.#push(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function rebuildError(sent: WorkerError): Error {
  const error = sent.appError ? new AppError(sent.appError.code, sent.appError.category, sent.message, sent.appError.details) : new Error(sent.message);
  if (sent.stack !== undefined && sent.appError === undefined) error.stack = sent.stack;
  return error;
}
