/**
 * Sort rows by external id in place: every batch then takes row locks in the
 * same order, so concurrent batches touching the same customers or products
 * wait for each other instead of deadlocking.
 */
export function inLockOrder<T extends { external_id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
}
