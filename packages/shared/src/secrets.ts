import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Kinds of bearer secrets; the prefix tells a leaked secret's kind at a glance. */
export type SecretKind = "api" | "write_key";

const prefixes: Record<SecretKind, string> = { api: "tnr_", write_key: "twk_" };

/** A new random secret, e.g. `tnr_` + 43 url-safe characters (256 bits). */
export function generateSecret(kind: SecretKind): string {
  return prefixes[kind] + randomBytes(32).toString("base64url");
}

/**
 * SHA-256 of a secret, hex. Secrets are 256-bit random strings, so a fast
 * hash is enough (no password stretching needed); only the hash is stored.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
