import { randomBytes } from "node:crypto";

/** A random initial password (24 characters, 144 bits), to be shown once to whoever creates the user. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
