import { idPrefixes, type IdKind } from "@tenure/shared";
import type { SeededRandom } from "./seeded-random.ts";

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * An id in the same shape as newId() (prefix, 10 time characters, 16 random
 * characters) but drawn from the seeded generator, so the demo is the same
 * on every run.
 */
export function demoId(kind: IdKind, at: Date, random: SeededRandom): string {
  let time = "";
  for (let t = Math.max(0, at.getTime()), i = 0; i < 10; i++, t = Math.floor(t / 32)) time = alphabet.charAt(t % 32) + time;
  let tail = "";
  for (let i = 0; i < 16; i++) tail += alphabet.charAt(Math.floor(random.next() * 32));
  return `${idPrefixes[kind]}_${time}${tail}`;
}
