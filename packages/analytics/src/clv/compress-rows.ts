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
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const ux = new Float64Array(n);
  const utx = new Float64Array(n);
  const uT = new Float64Array(n);
  const weight = new Float64Array(n);
  const rowOf = new Uint32Array(n);
  const scratch = new Float64Array(1);
  const bits = new Int32Array(scratch.buffer);
  const mix = (h: number, v: number): number => {
    scratch[0] = v === 0 ? 0 : v; // fold −0 into +0
    h = Math.imul(h ^ bits[0]!, 0x9e3779b1);
    h = Math.imul(h ^ bits[1]!, 0x85ebca77);
    return h ^ (h >>> 15);
  };
  let unique = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    let slot = mix(mix(mix(0x811c9dc5, xi), ti), Ti) & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row < 0) {
        slots[slot] = unique;
        ux[unique] = xi;
        utx[unique] = ti;
        uT[unique] = Ti;
        weight[unique] = 1;
        rowOf[i] = unique++;
        break;
      }
      if (ux[row] === xi && utx[row] === ti && uT[row] === Ti) {
        weight[row]! += 1;
        rowOf[i] = row;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return {
    x: ux.slice(0, unique),
    tx: utx.slice(0, unique),
    T: uT.slice(0, unique),
    weight: weight.slice(0, unique),
    rowOf,
  };
}

/**
 * Check summary rows before a fit: equal lengths, x a whole number ≥ 0,
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
    if (!(x >= 0 && Number.isInteger(x))) throw invalidInput("x", `row ${i}: frequency must be a whole number ≥ 0, got ${x}`, { row: i });
    if (!(tx >= 0 && tx <= T)) throw invalidInput("tx", `row ${i}: recency must lie in [0, T], got ${tx} with T = ${T}`, { row: i });
    if (!(T > 0 && Number.isFinite(T))) throw invalidInput("T", `row ${i}: age T must be positive and finite, got ${T}`, { row: i });
    if (!(w >= 0 && Number.isFinite(w))) throw invalidInput("weight", `row ${i}: weight must be ≥ 0, got ${w}`, { row: i });
  }
}

/** Rows with weight 1 each, for callers that have one row per customer. */
export function unitWeightRows(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): SummaryRows {
  return { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weight: new Float64Array(x.length).fill(1) };
}
