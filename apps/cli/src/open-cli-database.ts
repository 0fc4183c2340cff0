import type { Config } from "@tenure/shared";
import type { OpenDatabase } from "./cli-context.ts";

/**
 * Open the configured database for one command, run `work`, and always close
 * it. Storage (PGlite, pg, Kysely) loads here, on first use, so that `--help`
 * and usage errors answer at once.
 */
export async function openCliDatabase<T>(config: Config, work: (open: OpenDatabase) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const [{ createRepositories, migrate }, { openConfiguredDatabase }] = await Promise.all([import("@tenure/storage"), import("@tenure/server")]);
  const database = await openConfiguredDatabase(config);
  try {
    if (options.migrate !== false) await migrate(database);
    return await work({ database, repositories: createRepositories(database) });
  } finally {
    await database.close();
  }
}
