import { hash, verify } from "@node-rs/argon2";
import { invalidInput } from "@tenure/shared";
import { maxPasswordLength, minPasswordLength } from "@tenure/domain";

// OWASP's first argon2id configuration: 19 MiB, 2 passes, 1 lane. Algorithm
// 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id hash (PHC string, salt included) of a password. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** True when `password` matches the stored hash; a malformed hash is simply no match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Verify against a hash of a random password with the same cost: sign-in
 * of an unknown e-mail then takes as long as a wrong password.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummy, password);
  return false;
}

/** Throws invalid_input on `field` for a password that is too short or too long. */
export function checkNewPassword(password: string, field = "password"): void {
  if (password.length < minPasswordLength) throw invalidInput(field, `${field} must be at least ${minPasswordLength} characters`);
  if (password.length > maxPasswordLength) throw invalidInput(field, `${field} must be at most ${maxPasswordLength} characters`);
}
