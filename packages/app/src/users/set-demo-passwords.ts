import { roles, type Repositories } from "@tenure/domain";
import type { Role } from "@tenure/shared";
import { hashPassword } from "./password-hashing.ts";

/** The documented password of the demo user of `role` (README, docs/security.md). */
export function demoPassword(role: Role): string {
  return `tenure-demo-${role}`;
}

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/**
 * Give the first demo user of each role its documented demo password, and
 * the demo agent a few customers to support, so every role can be tried.
 * For the demo workspace only: these passwords are public.
 */
export async function setDemoPasswords(
  deps: { repositories: Pick<Repositories, "users" | "customers" | "assignments"> },
  input: { workspaceId: string },
): Promise<DemoLogin[]> {
  const users = await deps.repositories.users.list(input.workspaceId);
  const logins: DemoLogin[] = [];
  for (const role of roles) {
    const user = users.find((u) => u.role === role);
    if (!user) continue;
    await deps.repositories.users.setPasswordHash(input.workspaceId, user.id, await hashPassword(demoPassword(role)));
    logins.push({ role, email: user.email, password: demoPassword(role) });
    if (role === "agent") {
      const page = await deps.repositories.customers.search(input.workspaceId, {
        q: null,
        kind: "person",
        ownerUserId: null,
        country: null,
        attributes: {},
        sort: "created_at",
        direction: "asc",
        after: null,
        limit: 25,
      });
      for (const customer of page.items) await deps.repositories.assignments.assign(input.workspaceId, user.id, customer.id);
    }
  }
  return logins;
}
