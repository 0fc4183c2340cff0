import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./load-config.ts";

/**
 * The server secret: TENURE_SECRET when set, else the one kept in
 * `<dataDir>/server-secret`, generated (256 random bits, mode 0600) on the
 * first call, so signed survey links stay valid across restarts.
 */
export function resolveServerSecret(config: Pick<Config, "secret" | "dataDir">): string {
  if (config.secret !== null) return config.secret;
  const file = join(config.dataDir, "server-secret");
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
