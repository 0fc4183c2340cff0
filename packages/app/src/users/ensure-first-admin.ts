import type { Repositories, User } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { createUser } from "./create-user.ts";
import { resetPassword } from "./reset-password.ts";

/** What first start did about the admin account. */
export type FirstAdmin = { kind: "created"; user: User } | { kind: "password_set"; user: User } | { kind: "exists" } | { kind: "none" };

/**
 * First start: with TENURE_ADMIN_EMAIL / TENURE_ADMIN_PASSWORD, make sure
 * that admin exists in the workspace (created, or its password set when the
 * account exists without one). Without them, do nothing: the caller prints
 * how to create a user. Runs as the system, not as a request.
 */
export async function ensureFirstAdmin(
  deps: { repositories: Pick<Repositories, "users" | "sessions" | "audit"> },
  input: { workspaceId: string; email: string | null; password: string | null },
): Promise<FirstAdmin> {
  if (input.email === null || input.password === null) return { kind: "none" };
  const system: RequestContext = { workspaceId: input.workspaceId, actorId: "system", role: "admin", purpose: null, requestId: "first-start" };
  const existing = (await deps.repositories.users.findByEmail(input.email)).find((u) => u.workspaceId === input.workspaceId);
  if (!existing) return { kind: "created", user: await createUser(system, deps, { email: input.email, role: "admin", password: input.password }) };
  if (existing.passwordHash === null) return { kind: "password_set", user: await resetPassword(system, deps, { email: input.email, password: input.password }) };
  return { kind: "exists" };
}
