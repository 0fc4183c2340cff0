import { Command } from "commander";
import { findWorkspaceOrThrow, revokeApiToken } from "@tenure/app";
import type { CliContext } from "../cli-context.ts";
import { createSecret, type CreateSecretOptions } from "./create-secret.ts";

/** `tenure token create` (the secret is the last line of output) and `tenure token revoke`. */
export function tokenCommand(context: CliContext): Command {
  const token = new Command("token").description("manage API tokens");
  token
    .command("create")
    .description("create an API token and print it (last line)")
    .requiredOption("--name <name>", "what the token is for, e.g. me or crm-sync")
    .option("--role <role>", "admin, manager, rep, agent or analyst", "admin")
    .option("--expires-in <days>", "expire after this many days (default: never)")
    .option("--user <email>", "act as this user (its role and rows) instead of a bare --role")
    .option("--workspace <slug>", "workspace slug (default: the only workspace)")
    .action((options: CreateSecretOptions) => createSecret(context, "api", options));
  token
    .command("revoke")
    .description("revoke an API token or write key by id (tok_…) or secret prefix; it stops working at once")
    .argument("<id-or-prefix>", "token id, or the first characters of its secret (at least 6)")
    .option("--workspace <slug>", "workspace slug (default: the only workspace)")
    .action(async (idOrPrefix: string, options: { workspace?: string }) => {
      const revoked = await context.withDatabase(async ({ repositories }) => {
        const workspace = await findWorkspaceOrThrow({ repositories }, options.workspace ?? null);
        const ctx = { workspaceId: workspace.id, actorId: "cli", role: "admin" as const, purpose: null, requestId: "cli" };
        return revokeApiToken(ctx, { repositories }, { idOrPrefix });
      });
      context.io.stdout(`Revoked ${revoked.kind === "api" ? "API token" : "write key"} "${revoked.name}" (${revoked.id}, ${revoked.prefix}…) at ${revoked.revokedAt?.toISOString() ?? "now"}.`);
    });
  return token;
}
