import { Command } from "commander";
import { loadConfig, type Config } from "@tenure/shared";
import type { CliCommandFactory, CliContext, CliIo } from "./cli-context.ts";
import { mapErrorToExit, type ExitCode } from "./map-error-to-exit.ts";
import { openCliDatabase } from "./open-cli-database.ts";
import { demoCommand } from "./commands/demo-command.ts";
import { migrateCommand } from "./commands/migrate-command.ts";
import { importCommand } from "./commands/import-command.ts";
import { casesCommand } from "./commands/cases/cases-command.ts";
import { serveCommand } from "./commands/serve-command.ts";
import { tokenCommand } from "./commands/token-command.ts";
import { userCommand } from "./commands/user-command.ts";
import { writekeyCommand } from "./commands/writekey-command.ts";
import { clvCommand } from "./commands/clv/clv-command.ts";
import { feedbackCommand } from "./commands/feedback/feedback-command.ts";

/** Every subcommand, in help order. To add one: write commands/<name>-command.ts and list it here. */
const commands: readonly CliCommandFactory[] = [serveCommand, migrateCommand, demoCommand, importCommand, tokenCommand, writekeyCommand, clvCommand, userCommand, casesCommand, feedbackCommand];

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Run the `tenure` CLI on `argv` (without node and script) and return the
 * exit code: 0 ok, 1 user error, 2 unexpected. Never calls process.exit, so
 * tests run it in-process.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let config: Config | undefined;
  const context: CliContext = {
    io,
    config: () => (config ??= loadConfig(io.env, io.cwd)),
    withDatabase: (work, options) => openCliDatabase(context.config(), work, options),
  };
  const program = new Command("tenure")
    .description("Tenure: customer retention and loyalty platform")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => writeLines(io.stdout, text),
      writeErr: (text) => writeLines(io.stderr, text),
    });
  for (const factory of commands) program.addCommand(inheritSettings(factory(context), program));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    const report = mapErrorToExit(error, isDebug(io.env.DEBUG));
    for (const line of report.lines) io.stderr(line);
    return report.exitCode;
  }
}

function isDebug(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/** Commander copies settings only to commands made with .command(); commands made apart need it by hand, nested ones too. */
function inheritSettings(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inheritSettings(sub, command);
  return command;
}

function writeLines(write: (line: string) => void, text: string): void {
  for (const line of text.replace(/\n$/, "").split("\n")) write(line);
}
