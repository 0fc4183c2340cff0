import type { ImportProblem } from "@tenure/domain";

/** How far an import has got, reported while it runs. */
export interface ImportProgress {
  /** Data rows read from the file so far (the header excluded). */
  readonly rowsRead: number;
  readonly rejected: number;
}

/** One refused cell of one file row, for the errors file. */
export interface ImportRejection {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
  /** The row as read from the file. */
  readonly record: readonly string[];
}

export interface ImportListeners {
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
  readonly onRejected?: ((rejection: ImportRejection) => void) | undefined;
}

/** Counts rows read and rejected, and tells the listeners. */
export class ImportTally {
  rowsRead = 0;
  rejected = 0;
  readonly #listeners: ImportListeners;

  constructor(listeners: ImportListeners) {
    this.#listeners = listeners;
  }

  /** Record that the row at `line` was refused, once per row, with every problem found in it. */
  reject(line: number, record: readonly string[], problems: readonly ImportProblem[]): void {
    this.rejected++;
    for (const problem of problems) this.#listeners.onRejected?.({ line, record, ...problem });
  }

  progress(): void {
    this.#listeners.onProgress?.({ rowsRead: this.rowsRead, rejected: this.rejected });
  }
}
