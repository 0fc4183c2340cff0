import { decodePageCursor, type PageCursor } from "@tenure/domain";
import { invalidInput } from "@tenure/shared";

/**
 * The page cursor in `text` (null when absent); throws invalid_input on field
 * `cursor` when it was not issued by this API or belongs to another ordering.
 */
export function decodeCursorOrThrow(text: string | null | undefined, order: string): PageCursor | null {
  if (text === null || text === undefined || text === "") return null;
  const cursor = decodePageCursor(text);
  if (!cursor) throw invalidInput("cursor", "cursor is not a cursor returned by this API (pass next_cursor unchanged)");
  if (cursor.order !== order) throw invalidInput("cursor", "cursor belongs to another sort order; start again without it");
  return cursor;
}
