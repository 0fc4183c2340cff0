import { createApiToken, findWorkspaceOrThrow } from "@tenure/app";
import { invalidInput, type Role, type SecretKind } from "@tenure/shared";
import type { CliContext } from "../cli-context.ts";

export interface CreateSecretOptions {
  name: string;
  workspace?: string;
  role?: string;
  expiresIn?: string;
  /** E-mail of the user the token acts for (it then has that user's role and rows). */
  user?: string;
}

const DAY_MS = 86_400_000;

/**
 * Create an API token or write key in the chosen workspace and print it: a
 * summary line, then the secret alone as the LAST line (scripts take `tail -1`).
 */
export async function createSecret(context: CliContext, kind: SecretKind, options: CreateSecretOptions): Promise<void> {
  const expiresAt = options.expiresIn === undefined ? null : new Date(Date.now() + parseDays(options.expiresIn) * DAY_MS);
  const created = await context.withDatabase(async ({ repositories }) => {
    const workspace = await findWorkspaceOrThrow({ repositories }, options.workspace ?? null);
    const user = options.user === undefined ? null : (await repositories.users.findByEmail(options.user)).find((u) => u.workspaceId === workspace.id);
    if (user === undefined) throw invalidInput("user", `No user with email "${options.user ?? ""}" in workspace "${workspace.slug}"`);
    const result = await createApiToken(
      { workspaceId: workspace.id, actorId: "cli", role: "admin", purpose: null, requestId: "cli" },
      { repositories },
      { kind, name: options.name, ...(options.role === undefined ? {} : { role: options.role as Role }), expiresAt, userId: user?.id ?? null },
    );
    return { ...result, workspace };
  });
  const what = kind === "api" ? "API token" : "write key";
  const expiry = created.token.expiresAt ? `expires ${created.token.expiresAt.toISOString().slice(0, 10)}` : "never expires";
  context.io.stdout(`Created ${what} "${created.token.name}" in workspace "${created.workspace.slug}" (role ${created.token.role}, ${expiry}).`);
  context.io.stdout("It is shown only this once; store it now:");
  context.io.stdout(created.secret);
}

function parseDays(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > 3650) throw invalidInput("expires-in", `--expires-in must be a whole number of days from 1 to 3650, got "${text}"`);
  return days;
}
