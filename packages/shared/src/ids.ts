import { randomBytes } from "node:crypto";

/** Prefixes of every id kind, so an id says what it names. */
export const idPrefixes = {
  workspace: "ws",
  customer: "cus",
  contact: "con",
  product: "prd",
  order: "ord",
  orderLine: "orl",
  invoice: "inv",
  payment: "pay",
  contract: "ctr",
  event: "evt",
  token: "tok",
  user: "usr",
  fit: "fit",
  importRun: "imp",
  case: "case",
  survey: "srv",
  surveyInvitation: "sinv",
  surveyResponse: "sres",
  followUp: "fup",
  feedback: "fbk",
  consent: "cns",
  audit: "aud",
  session: "ses",
  slaPolicy: "slp",
  businessCalendar: "cal",
  slaAlert: "sla",
  handoff: "hof",
  responsibility: "rsp",
  knownProblem: "kpr",
  caseEvent: "cev",
  team: "team",
  savedView: "view",
} as const;

export type IdKind = keyof typeof idPrefixes;

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/**
 * A new random id such as `cus_01h9x…`: a millisecond timestamp (so ids sort
 * roughly by creation, which keeps B-tree inserts local) and 80 random bits.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = takeRandomBytes(10);
  let rand = "";
  for (let i = 0; i < 16; i++) {
    // 5 bits at a time from the 80 random bits
    const bit = i * 5;
    const byte = bit >> 3;
    const shift = bit & 7;
    const value = (((bytes[byte] ?? 0) << 8) | (bytes[byte + 1] ?? 0)) >> (11 - shift);
    rand += alphabet[value & 31];
  }
  return `${idPrefixes[kind]}_${time}${rand}`;
}

// One randomBytes call per 4 KiB of ids instead of one per id: ingestion
// creates thousands of ids a second and the syscall dominated their cost.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function takeRandomBytes(n: number): Uint8Array {
  if (offset + n > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const slice = pool.subarray(offset, offset + n);
  offset += n;
  return slice;
}

/** True when `id` looks like an id of `kind`. */
export function isIdOf(kind: IdKind, id: string): boolean {
  return id.startsWith(`${idPrefixes[kind]}_`) && /^[a-z]+_[0-9a-z]{26}$/.test(id);
}
