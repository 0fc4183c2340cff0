import { invalidInput } from "@tenure/shared";

/**
 * Per-customer summaries in the form every buy-till-you-die model reads:
 * x = number of repeat transactions, tx = time of the last one (recency,
 * 0 when x = 0), T = age (time since the first transaction), and weight =
 * how many customers share the row. Times are in one unit (e.g. weeks).
 */
export interface SummaryRows {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
}

/** Unique summary rows plus, for every input customer, the index of its unique row. */
export interface CompressedRows extends SummaryRows {
  /** rowOf[i] = index into the unique rows of input customer i. */
  rowOf: Uint32Array;
}

/**
 * Merge customers with identical (x, tx, T) into one weighted row, so model
 * fitting costs grow with the number of distinct rows rather than customers
 * (Fader & Hardie fit CDNOW this way). Uses an open-addressing hash table on
 * the bit patterns of the three numbers: O(n), no strings allocated. Unique
 * rows keep the order of their first appearance.
 */
export function compressSummaryRows(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): CompressedRows {
  const n = x.length;
  if (tx.length !== n || T.length !== n) {
    throw invalidInput("rows", `x, tx and T must have the same length (got ${n}, ${tx.length}, ${T.length})`);
  }
  // Open addressing, grown by doubling at half load so memory follows the
  // number of distinct rows. Slot i holds [row + 1 (0 = empty), hash]; a
  // row's data sit together as [x, tx, T, weight] (one cache line).
  let capacity = 1024;
  let mask = capacity - 1;
  let table = new Int32Array(capacity * 2);
  let data = new Float64Array(capacity * 2 + 4); // room for row capacity/2, written before growing
  const rowOf = new Uint32Array(n);
  const scratch = new Float64Array(3);
  const words = new Int32Array(scratch.buffer);
  let unique = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    scratch[0] = xi === 0 ? 0 : xi; // fold −0 into +0
    scratch[1] = ti === 0 ? 0 : ti;
    scratch[2] = Ti === 0 ? 0 : Ti;
    const hash = hashWords(words) | 0;
    let slot = hash & mask;
    for (;;) {
      const stored = table[2 * slot]!;
      if (stored === 0) {
        table[2 * slot] = unique + 1;
        table[2 * slot + 1] = hash;
        const o = 4 * unique;
        data[o] = xi;
        data[o + 1] = ti;
        data[o + 2] = Ti;
        data[o + 3] = 1;
        rowOf[i] = unique++;
        if (2 * unique > capacity) {
          capacity *= 2;
          mask = capacity - 1;
          table = rehash(table, capacity);
          const grown = new Float64Array(capacity * 2 + 4);
          grown.set(data);
          data = grown;
        }
        break;
      }
      if (table[2 * slot + 1] === hash) {
        const o = 4 * (stored - 1);
        if (data[o] === xi && data[o + 1] === ti && data[o + 2] === Ti) {
          data[o + 3]! += 1;
          rowOf[i] = stored - 1;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
  const out: CompressedRows = {
    x: new Float64Array(unique),
    tx: new Float64Array(unique),
    T: new Float64Array(unique),
    weight: new Float64Array(unique),
    rowOf,
  };
  for (let j = 0; j < unique; j++) {
    out.x[j] = data[4 * j]!;
    out.tx[j] = data[4 * j + 1]!;
    out.T[j] = data[4 * j + 2]!;
    out.weight[j] = data[4 * j + 3]!;
  }
  return out;
}

/** Move [row + 1, hash] slots into a table of the new capacity. */
function rehash(table: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity * 2);
  const mask = capacity - 1;
  for (let i = 0; i < table.length; i += 2) {
    const row = table[i]!;
    if (row === 0) continue;
    const hash = table[i + 1]!;
    let slot = hash & mask;
    while (next[2 * slot] !== 0) slot = (slot + 1) & mask;
    next[2 * slot] = row;
    next[2 * slot + 1] = hash;
  }
  return next;
}

/**
 * MurmurHash3's 32-bit body and finaliser over six 32-bit words (Appleby
 * 2011): every input bit reaches the low bits used as the table index, which
 * matters because day-rounded times differ only in a few mantissa bits.
 */
function hashWords(words: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 6; i++) {
    let k = Math.imul(words[i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const MAX_FREQUENCY = 10_000_000;

/**
 * Check summary rows before a fit: equal lengths, x a whole number in
 * [0, 10⁷] (models index per-frequency terms by x),
 * 0 ≤ tx ≤ T, T > 0, weights ≥ 0. Throws an `invalid_input` AppError naming
 * the first bad row.
 */
export function validateSummaryRows(rows: SummaryRows): void {
  const n = rows.x.length;
  if (rows.tx.length !== n || rows.T.length !== n || rows.weight.length !== n) {
    throw invalidInput("rows", "x, tx, T and weight must have the same length");
  }
  for (let i = 0; i < n; i++) {
    const x = rows.x[i]!;
    const tx = rows.tx[i]!;
    const T = rows.T[i]!;
    const w = rows.weight[i]!;
    if (!(x >= 0 && x <= MAX_FREQUENCY && Number.isInteger(x))) {
      throw invalidInput("x", `row ${i}: frequency must be a whole number from 0 to ${MAX_FREQUENCY}, got ${x}`, { row: i });
    }
    if (!(tx >= 0 && tx <= T)) throw invalidInput("tx", `row ${i}: recency must lie in [0, T], got ${tx} with T = ${T}`, { row: i });
    if (!(T > 0 && Number.isFinite(T))) throw invalidInput("T", `row ${i}: age T must be positive and finite, got ${T}`, { row: i });
    if (!(w >= 0 && Number.isFinite(w))) throw invalidInput("weight", `row ${i}: weight must be ≥ 0, got ${w}`, { row: i });
  }
}

/** Rows with weight 1 each, for callers that have one row per customer. */
export function unitWeightRows(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): SummaryRows {
  return { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weight: new Float64Array(x.length).fill(1) };
}
