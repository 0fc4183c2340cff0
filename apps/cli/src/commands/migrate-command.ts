import { Command } from "commander";
import type { CliContext } from "../cli-context.ts";

/** `tenure migrate`: apply pending schema migrations (safe to re-run). */
export function migrateCommand(context: CliContext): Command {
  return new Command("migrate").description("apply pending database migrations (safe to re-run)").action(async () => {
    const { migrate } = await import("@tenure/storage");
    const report = await context.withDatabase(({ database }) => migrate(database), { migrate: false });
    context.io.stdout(
      report.applied.length === 0
        ? `Database is up to date (${report.alreadyApplied} migration${report.alreadyApplied === 1 ? "" : "s"} already applied).`
        : `Applied ${report.applied.length} migration${report.applied.length === 1 ? "" : "s"}: ${report.applied.join(", ")}.`,
    );
  });
}
