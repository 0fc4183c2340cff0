import type { ApiToken, Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";

/**
 * Revoke an API token or write key of the caller's workspace by id or by
 * its prefix (admins only). It stops working at once; revoking twice keeps
 * the first time. Throws token_not_found for an unknown or ambiguous prefix.
 */
export async function revokeApiToken(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "access" | "audit"> },
  input: { idOrPrefix: string; now?: Date },
): Promise<ApiToken> {
  authorize(ctx, "tokens.manage");
  const key = input.idOrPrefix.trim();
  const tokens = await deps.repositories.access.listTokens(ctx.workspaceId);
  const byId = tokens.find((t) => t.id === key);
  const byPrefix = key.length >= 6 ? tokens.filter((t) => t.prefix.startsWith(key) || key.startsWith(t.prefix)) : [];
  const token = byId ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
  if (!token) {
    const why = byPrefix.length > 1 ? `several tokens start with "${key}"; use the id` : `no token "${key}" in this workspace`;
    throw notFound("token_not_found", `Cannot revoke: ${why}`, { field: "id" });
  }
  const revoked = await deps.repositories.access.revokeToken(ctx.workspaceId, token.id, input.now ?? new Date());
  if (!revoked) throw notFound("token_not_found", `Cannot revoke: no token "${key}" in this workspace`, { field: "id" });
  await deps.repositories.audit.append([auditEntry(ctx, "token.revoke", null, [], { token_id: token.id, kind: token.kind })]);
  return revoked;
}
