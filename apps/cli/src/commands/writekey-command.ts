import { Command } from "commander";
import type { CliContext } from "../cli-context.ts";
import { createSecret, type CreateSecretOptions } from "./create-secret.ts";

/** `tenure writekey create`: a new ingestion write key; the secret is the last line of output. */
export function writekeyCommand(context: CliContext): Command {
  const writekey = new Command("writekey").description("manage ingestion write keys (Segment-compatible sources)");
  writekey
    .command("create")
    .description("create a write key and print it (last line)")
    .requiredOption("--name <name>", "the source that will send events, e.g. website")
    .option("--workspace <slug>", "workspace slug (default: the only workspace)")
    .action((options: CreateSecretOptions) => createSecret(context, "write_key", options));
  return writekey;
}
