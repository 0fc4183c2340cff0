import { roles, type ApiToken, type Repositories } from "@tenure/domain";
import { generateSecret, hashSecret, invalidInput, newId, type RequestContext, type Role, type SecretKind } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";

export interface CreateApiTokenInput {
  kind: SecretKind;
  name: string;
  /** Defaults to admin. */
  role?: Role;
  expiresAt?: Date | null;
  /** Bind the token to this user (usr_…): it then acts as that user, with the user's role and rows. */
  userId?: string | null;
  now?: Date;
}

export interface CreatedApiToken {
  token: ApiToken;
  /** The plaintext secret: shown once, never stored (only its hash is). */
  secret: string;
}

/**
 * Create an API token (kind api) or an ingestion write key (kind write_key)
 * in the caller's workspace and return its secret, which cannot be read back
 * later. The creation is audited (token.create).
 */
export async function createApiToken(ctx: RequestContext, deps: { repositories: Pick<Repositories, "access" | "users" | "audit"> }, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  authorize(ctx, "tokens.manage");
  const name = input.name.trim();
  if (name === "" || name.length > 200) throw invalidInput("name", "name must be 1 to 200 characters");
  const role = input.role ?? "admin";
  if (!roles.includes(role)) throw invalidInput("role", `role must be one of ${roles.join(", ")}`);
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt <= (input.now ?? new Date())) throw invalidInput("expires_at", "expires_at must be in the future");
  const userId = input.userId ?? null;
  const user = userId === null ? null : await deps.repositories.users.findById(ctx.workspaceId, userId);
  if (userId !== null && !user) throw invalidInput("user", `No user "${userId}" in this workspace`);
  const secret = generateSecret(input.kind);
  const token = await deps.repositories.access.createToken({
    id: newId("token"),
    workspaceId: ctx.workspaceId,
    kind: input.kind,
    name,
    prefix: secret.slice(0, 8),
    role: user ? user.role : role,
    userId,
    tokenHash: hashSecret(secret),
    expiresAt,
  });
  await deps.repositories.audit.append([auditEntry(ctx, "token.create", null, [], { token_id: token.id, kind: token.kind, role: token.role, user_id: token.userId })]);
  return { token, secret };
}
