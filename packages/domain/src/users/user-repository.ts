import type { NewUser, User, UserChanges, UserCredentials } from "./user.ts";

/** Staff users; e-mail is unique per workspace, compared case-insensitively. */
export interface UserRepository {
  /** Every account with this e-mail, in any workspace (sign-in names no workspace). */
  findByEmail(email: string): Promise<UserCredentials[]>;
  findById(workspaceId: string, id: string): Promise<User | null>;
  /** Insert; returns null when the e-mail is taken in the workspace. */
  insert(user: NewUser): Promise<User | null>;
  setPasswordHash(workspaceId: string, id: string, passwordHash: string): Promise<void>;
  /** Change the role and/or the disabled time; null when no such user in the workspace. */
  update(workspaceId: string, id: string, changes: UserChanges): Promise<User | null>;
  /**
   * Ids of the workspace's enabled admins, locked until the transaction ends
   * (call inside `transaction()`), so two concurrent changes cannot both
   * remove "the other" admin.
   */
  lockEnabledAdmins(workspaceId: string): Promise<string[]>;
  list(workspaceId: string): Promise<User[]>;
  /** How many users the workspace has (first start: create the admin only if none). */
  count(workspaceId: string): Promise<number>;
}
