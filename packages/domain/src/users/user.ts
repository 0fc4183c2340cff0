import type { Role } from "@tenure/shared";

/** A staff member who signs in. The password hash never leaves storage and the use cases. */
export interface User {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

/** A user with the stored argon2id hash of the password (null: cannot sign in yet). */
export interface UserCredentials extends User {
  passwordHash: string | null;
}

export interface NewUser {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
}

/** What an administrator may change on a user: the role, and disabled (a time) or enabled again (null). */
export interface UserChanges {
  role?: Role;
  disabledAt?: Date | null;
}

/** Shortest password accepted for staff accounts (NIST SP 800-63B asks for at least 8; we ask 12). */
export const minPasswordLength = 12;
/** Longest accepted (argon2 hashes anything, but a megabyte password is a denial of service). */
export const maxPasswordLength = 256;
