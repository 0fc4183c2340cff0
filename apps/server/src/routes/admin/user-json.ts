import type { User } from "@tenure/domain";
import type { UserJson } from "@tenure/api-schemas";

/** A user as the API shows it: never a password hash. */
export function toUserJson(u: User): UserJson {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    created_at: u.createdAt.toISOString(),
    disabled_at: u.disabledAt ? u.disabledAt.toISOString() : null,
  };
}
