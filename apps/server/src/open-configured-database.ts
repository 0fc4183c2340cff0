import { join } from "node:path";
import type { Config } from "@tenure/shared";
import { createDatabase, type Database } from "@tenure/storage";

/** Where the embedded database lives inside TENURE_DATA_DIR. */
export function pgliteDirectory(config: Config): string {
  return join(config.dataDir, "pglite");
}

/** Open the configured database: PostgreSQL at DATABASE_URL, else PGlite under TENURE_DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? createDatabase({ url: config.databaseUrl }) : createDatabase({ dataDir: pgliteDirectory(config) });
}

/** Where the data is, for people (the password of a URL is never shown). */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${pgliteDirectory(config)}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
