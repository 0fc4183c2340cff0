import type { Command } from "commander";
import type { Repositories } from "@tenure/domain";
import type { Config, Environment } from "@tenure/shared";
import type { Database } from "@tenure/storage";

/** Where a command writes and what it reads from its surroundings (swapped in tests). */
export interface CliIo {
  /** One line of normal output (results; a secret goes last). */
  stdout(line: string): void;
  /** One line of diagnostics. */
  stderr(line: string): void;
  readonly env: Environment;
  readonly cwd: string;
}

/** An open, migrated database and the repositories over it. */
export interface OpenDatabase {
  readonly database: Database;
  readonly repositories: Repositories;
}

/** What every command receives from main.ts. */
export interface CliContext {
  readonly io: CliIo;
  /** The validated configuration, loaded on first use so that `--help` works with a bad one. */
  config(): Config;
  /**
   * Open the configured database (PGlite in TENURE_DATA_DIR or DATABASE_URL),
   * migrate it unless `migrate: false`, run `work`, and always close it.
   */
  withDatabase<T>(work: (open: OpenDatabase) => Promise<T>, options?: { migrate?: boolean }): Promise<T>;
}

/** A command file exports one of these; main.ts lists them. */
export type CliCommandFactory = (context: CliContext) => Command;
