import type { DemoDataset } from "./demo-dataset.ts";

/** Writes a generated demo workspace in bulk. */
export interface DemoRepository {
  /**
   * Write the whole dataset atomically (all rows or none) and fast (COPY).
   * Throws a conflict AppError if a workspace with the same slug exists.
   */
  write(dataset: DemoDataset): Promise<void>;
}
