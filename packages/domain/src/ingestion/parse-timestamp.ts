// ISO 8601 date or date-time; without an offset, UTC is assumed (never the server's zone).
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 timestamp as a Date; null if the text is not one (V8's lenient Date.parse is not trusted). */
export function parseTimestamp(text: string): Date | null {
  const m = isoPattern.exec(text.trim());
  if (!m) return null;
  const hasTime = m[4] !== undefined;
  const hasOffset = m[7] !== undefined;
  const normalised = hasTime ? (hasOffset ? text.trim() : `${text.trim()}Z`) : `${text.trim()}T00:00:00Z`;
  const ms = Date.parse(normalised.replace(" ", "T"));
  if (Number.isNaN(ms)) return null;
  // Reject calendar overflow (2024-02-31 would roll over into March).
  const date = new Date(ms);
  if (!hasOffset && date.getUTCDate() !== Number(m[3])) return null;
  return date;
}
