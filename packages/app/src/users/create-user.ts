import { roles, type Repositories, type User } from "@tenure/domain";
import { AppError, invalidInput, isEmailAddress, newId, type RequestContext, type Role } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";
import { checkNewPassword, hashPassword } from "./password-hashing.ts";

export interface CreateUserInput {
  email: string;
  role: Role;
  /** Defaults to the part of the e-mail before @. */
  name?: string | undefined;
  /** Null or absent: the user cannot sign in until a password is set (reset-password). */
  password?: string | null | undefined;
}

/**
 * Create a staff user in the caller's workspace (admins only). The e-mail
 * must be new in the workspace (conflict user_exists); the password, if
 * given, is stored as an argon2id hash.
 */
export async function createUser(ctx: RequestContext, deps: { repositories: Pick<Repositories, "users" | "audit"> }, input: CreateUserInput): Promise<User> {
  authorize(ctx, "users.manage");
  const email = input.email.trim().toLowerCase();
  if (!isEmailAddress(email)) throw invalidInput("email", `email must be an e-mail address, got "${input.email}"`);
  if (!roles.includes(input.role)) throw invalidInput("role", `role must be one of ${roles.join(", ")}`);
  const name = (input.name ?? email.split("@")[0] ?? email).trim();
  if (name === "" || name.length > 200) throw invalidInput("name", "name must be 1 to 200 characters");
  const password = input.password ?? null;
  if (password !== null) checkNewPassword(password);
  const user = await deps.repositories.users.insert({
    id: newId("user"),
    workspaceId: ctx.workspaceId,
    email,
    name,
    role: input.role,
    passwordHash: password === null ? null : await hashPassword(password),
  });
  if (!user) throw new AppError("user_exists", "conflict", `A user with email "${email}" already exists in this workspace`, { field: "email" });
  await deps.repositories.audit.append([auditEntry(ctx, "user.create", null, [], { user_id: user.id, role: user.role })]);
  return user;
}
