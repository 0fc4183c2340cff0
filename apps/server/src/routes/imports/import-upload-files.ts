import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { importErrorsCsvHeader, importRejectionCsvLine, type ImportUpload } from "@tenure/app";
import { AppError } from "@tenure/shared";

/**
 * Receive a request body into a temporary file (a private folder that also
 * holds the run's errors CSV), refusing it with 413
 * (payload_too_large) as soon as it passes `maxBytes`; nothing is kept of a
 * refused or broken upload.
 */
export async function receiveImportUpload(body: Readable, maxBytes: number): Promise<ImportUpload> {
  const folder = await mkdtemp(join(tmpdir(), "tenure-import-"));
  const dispose = () => rm(folder, { recursive: true, force: true });
  const uploadPath = join(folder, "upload");
  const errorsPath = join(folder, "errors.csv");
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(tooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(uploadPath));
  } catch (error) {
    await dispose();
    if (error instanceof AppError) throw error;
    throw new AppError("upload_interrupted", "invalid_input", "The upload broke off before the whole file arrived; send it again", { field: "body" });
  }
  if (bytes === 0) {
    await dispose();
    throw new AppError("import_file_empty", "invalid_input", "The request has no file: send the CSV as the request body (Content-Type: text/csv)", { field: "body" });
  }
  const errorsFile = createWriteStream(errorsPath);
  return {
    bytes,
    open: () => createReadStream(uploadPath),
    errors: {
      header: (columns) => errorsFile.write(importErrorsCsvHeader(columns)),
      reject: (rejection) => errorsFile.write(importRejectionCsvLine(rejection)),
      close: () => new Promise<void>((resolve, reject) => errorsFile.end((error?: Error | null) => (error ? reject(error) : resolve()))),
      read: () => createReadStream(errorsPath),
    },
    dispose,
  };
}

/** The 413 problem for a body over the limit. */
export function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", "payload_too_large", `The file is larger than the ${formatMiB(maxBytes)} an import accepts; split it, or import it with the CLI (tenure import)`, {
    field: "body",
    limitBytes: maxBytes,
  });
}

function formatMiB(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : `${bytes} bytes`;
}
