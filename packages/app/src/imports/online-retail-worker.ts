/**
 * The Online Retail import's worker thread (docs/decisions/0010): it reads
 * the file (gunzip, CSV), runs the preset over every line and prepares the
 * order lines' COPY text, while the thread that started it only talks to
 * the database. Per batch it sends the new customers, products and orders,
 * waits for the ids the database gave them, then sends the lines. The
 * file's bytes come from the other thread on request ("pull"), so memory
 * stays flat; at most two batches wait for their ids at a time.
 */
import { parentPort, workerData } from "node:worker_threads";
import { NewOrderLineCopy, OnlineRetailPreset, type OnlineRetailBatch } from "@tenure/domain";
import { isAppError } from "@tenure/shared";
import type { FromWorker, OnlineRetailWorkerData, RejectedLine, ToWorker, WorkerError } from "./online-retail-messages.ts";
import { readCsvRecords } from "./read-csv-records.ts";

const port = parentPort;
if (port === null) throw new Error("online-retail-worker runs as a worker thread");
const options = workerData as OnlineRetailWorkerData;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

const lineCopy = new NewOrderLineCopy(options.workspaceId);
/** Batches sent, waiting for their ids: their lines and the file rows behind them. */
const waiting = new Map<number, Pick<OnlineRetailBatch, "lines" | "sources">>();
let nextBatch = 0;
let whenFewerWaiting: (() => void) | null = null;
let bytesAnswer: ((message: ToWorker) => void) | null = null;

port.on("message", (message: ToWorker) => {
  try {
    if (message.type === "ids") sendLines(message);
    else bytesAnswer?.(message);
  } catch (error) {
    fail(error);
  }
});

/** The file's bytes, asked for one piece at a time. */
async function* fileBytes(): AsyncGenerator<Buffer> {
  for (;;) {
    const message = await new Promise<ToWorker>((resolve) => {
      bytesAnswer = resolve;
      post({ type: "pull" });
    });
    bytesAnswer = null;
    if (message.type !== "bytes") return;
    yield Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength);
  }
}

function sendLines(message: Extract<ToWorker, { type: "ids" }>): void {
  const batch = waiting.get(message.batch);
  if (batch === undefined) throw new Error(`ids for batch ${message.batch}, which is not waiting`);
  waiting.delete(message.batch);
  lineCopy.addOrders(message.created);
  lineCopy.addProducts(message.products);
  const { columns, text, copied, rest, positions } = lineCopy.encode(batch.lines);
  const bytes = new TextEncoder().encode(text); // its own ArrayBuffer, so it can be transferred
  const restSources = positions.map((p) => batch.sources[p] ?? []);
  post({ type: "lines", batch: message.batch, copy: { columns, text: bytes, copied }, rest, restSources }, [bytes.buffer as ArrayBuffer]);
  whenFewerWaiting?.();
}

async function send(batch: OnlineRetailBatch): Promise<void> {
  while (waiting.size >= 2) await new Promise<void>((resolve) => (whenFewerWaiting = resolve));
  whenFewerWaiting = null;
  const id = nextBatch++;
  waiting.set(id, { lines: batch.lines, sources: batch.sources });
  const { customers, products, orders } = batch;
  post({ type: "batch", batch: id, customers, products, orders, productKeys: lineCopy.productsToLookUp(batch.lines) });
}

async function run(): Promise<void> {
  const csv = await readCsvRecords(fileBytes());
  const preset = OnlineRetailPreset.fromHeader(
    csv.header.map((h) => options.map[h] ?? h),
    options.timeZone,
  );
  const problems = preset instanceof OnlineRetailPreset ? null : preset.problems;
  post({ type: "header", header: csv.header, delimiter: csv.delimiter, problems });
  if (!(preset instanceof OnlineRetailPreset)) return;
  let rowsRead = 0;
  for await (const chunk of csv.chunks) {
    const rejected: RejectedLine[] = [];
    for (const { line, record } of chunk) {
      rowsRead++;
      const refused = preset.addLine(line, record);
      if (refused !== null) rejected.push({ line, record, problems: refused });
      else if (preset.batchSize >= options.batchSize) await send(preset.takeBatch());
    }
    post({ type: "progress", rowsRead, rejected });
  }
  await send(preset.takeBatch(true));
  while (waiting.size > 0) await new Promise<void>((resolve) => (whenFewerWaiting = resolve));
  const final = preset.finalRows();
  post({ type: "done", reopened: preset.reopenedOrderIds(), customers: final.customers, products: final.products });
}

function fail(error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const sent: WorkerError = {
    message: e.message,
    stack: e.stack,
    appError: isAppError(e) ? { code: e.code, category: e.category, details: e.details } : undefined,
  };
  post({ type: "error", error: sent });
}

run().catch(fail);
