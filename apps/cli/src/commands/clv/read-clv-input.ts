import { stat } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import type { ClvData } from "./clv-data.ts";
import type { ClvInputOptions } from "./clv-input-options.ts";
import { readSummaryFile } from "./read-summary-file.ts";
import { readTransactionFile } from "./read-transaction-file.ts";

/** Files smaller than this read too fast for a progress bar to help. */
const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Read a `tenure clv` input file as summaries, with a progress bar on stderr
 * when stderr is a terminal and the file is large (never in pipes or tests).
 */
export async function readClvInput(file: string, options: ClvInputOptions, stream: NodeJS.WriteStream = process.stderr): Promise<ClvData> {
  const size = await stat(file).then((s) => s.size, () => 0);
  const bar = stream.isTTY && size >= PROGRESS_MIN_BYTES
    ? new SingleBar({ stream, format: "reading {bar} {percentage}% | {value}/{total} MB", hideCursor: true, clearOnComplete: true })
    : null;
  bar?.start(Math.ceil(size / 1e6), 0);
  try {
    const progress = bar ? (read: number) => bar.update(Math.floor(read / 1e6)) : undefined;
    return options.input === "summary" ? await readSummaryFile(file, options, progress) : await readTransactionFile(file, options, progress);
  } finally {
    bar?.stop();
  }
}
