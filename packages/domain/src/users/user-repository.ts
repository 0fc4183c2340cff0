import type { NewUser, User, UserCredentials } from "./user.ts";

/** Staff users; e-mail is unique per workspace, compared case-insensitively. */
export interface UserRepository {
  /** Every account with this e-mail, in any workspace (sign-in names no workspace). */
  findByEmail(email: string): Promise<UserCredentials[]>;
  findById(workspaceId: string, id: string): Promise<User | null>;
  /** Insert; returns null when the e-mail is taken in the workspace. */
  insert(user: NewUser): Promise<User | null>;
  setPasswordHash(workspaceId: string, id: string, passwordHash: string): Promise<void>;
  list(workspaceId: string): Promise<User[]>;
  /** How many users the workspace has (first start: create the admin only if none). */
  count(workspaceId: string): Promise<number>;
}
