import { Command } from "commander";
import type { CliContext } from "../cli-context.ts";
import { createSecret, type CreateSecretOptions } from "./create-secret.ts";

/** `tenure token create`: a new API token; the secret is the last line of output. */
export function tokenCommand(context: CliContext): Command {
  const token = new Command("token").description("manage API tokens");
  token
    .command("create")
    .description("create an API token and print it (last line)")
    .requiredOption("--name <name>", "what the token is for, e.g. me or crm-sync")
    .option("--role <role>", "admin, manager, rep, agent or analyst", "admin")
    .option("--expires-in <days>", "expire after this many days (default: never)")
    .option("--workspace <slug>", "workspace slug (default: the only workspace)")
    .action((options: CreateSecretOptions) => createSecret(context, "api", options));
  return token;
}
