import { invalidInput } from "@tenure/shared";

/** One column the command wants: the option that names it, the names tried when it is not given, and whether it must exist. */
export interface ColumnRequest {
  /** e.g. "--recency-col" */
  flag: string;
  /** The value the user gave, if any. */
  given: string | undefined;
  /** Names tried in order when `given` is undefined (exact, then ignoring case). */
  defaults: readonly string[];
  required: boolean;
}

/**
 * The index of a requested column among `columns`, −1 for an optional one
 * that is absent, or an error naming the option and listing the columns
 * found. A file without a header names its columns "1", "2", … so they can
 * be given by position.
 */
export function resolveColumn(columns: readonly string[], hasHeader: boolean, request: ColumnRequest): number {
  const find = (name: string): number => {
    const exact = columns.indexOf(name);
    if (exact >= 0) return exact;
    const lower = name.toLowerCase();
    return columns.findIndex((c) => c.toLowerCase() === lower);
  };
  const found = (): string =>
    `columns found: ${columns.join(", ")}${hasHeader ? "" : " (the file has no header line: give columns by position, e.g. " + request.flag + " 2)"}`;
  if (request.given !== undefined) {
    const index = find(request.given);
    if (index < 0) throw invalidInput(request.flag.slice(2), `unknown column "${request.given}" for ${request.flag}; ${found()}`);
    return index;
  }
  for (const name of request.defaults) {
    const index = find(name);
    if (index >= 0) return index;
  }
  if (!request.required) return -1;
  throw invalidInput(request.flag.slice(2), `no column "${request.defaults[0] ?? ""}" (name it with ${request.flag}); ${found()}`);
}
