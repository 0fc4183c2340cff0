/**
 * A keyset position: the sort key of the last row seen (as text, so that
 * timestamps keep their microseconds) and its id as the tiebreak.
 */
export interface PageCursor {
  /** Which ordering the cursor belongs to; a cursor is refused under another. */
  order: string;
  value: string;
  id: string;
}

/** Opaque base64url form of a cursor, for `next_cursor` in API responses. */
export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.value, cursor.id]), "utf8").toString("base64url");
}

/** The cursor in `text`, or null when it is not one this API issued. */
export function decodePageCursor(text: string): PageCursor | null {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [order, value, id] = parsed as unknown[];
  if (typeof order !== "string" || typeof value !== "string" || typeof id !== "string") return null;
  return { order, value, id };
}
