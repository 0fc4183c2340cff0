import { Command } from "commander";
import { createUser, findWorkspaceOrThrow, generatePassword, resetPassword } from "@tenure/app";
import { invalidInput, type RequestContext, type Role } from "@tenure/shared";
import type { CliContext } from "../cli-context.ts";

interface UserOptions {
  email: string;
  role?: string;
  name?: string;
  passwordStdin?: boolean;
  workspace?: string;
}

/** `tenure user create` and `tenure user reset-password`: staff accounts that sign in to the web app. */
export function userCommand(context: CliContext): Command {
  const user = new Command("user").description("manage staff users (sign-in accounts)");
  user
    .command("create")
    .description("create a user; prints a generated password (last line) unless --password-stdin")
    .requiredOption("--email <email>", "the user's e-mail address (sign-in name)")
    .requiredOption("--role <role>", "admin, manager, rep, agent or analyst")
    .option("--name <name>", "display name (default: the part of the e-mail before @)")
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .option("--workspace <slug>", "workspace slug (default: the only workspace)")
    .action(async (options: UserOptions) => {
      const { password, generated } = await passwordOf(options);
      const created = await context.withDatabase(async ({ repositories }) => {
        const ctx = await cliContext({ repositories }, options.workspace);
        return createUser(ctx, { repositories }, { email: options.email, role: (options.role ?? "") as Role, name: options.name, password });
      });
      context.io.stdout(`Created ${created.role} ${created.email} (${created.id}).`);
      if (generated) {
        context.io.stdout("Generated password, shown only this once:");
        context.io.stdout(password);
      }
    });
  user
    .command("reset-password")
    .description("set a new password and sign the user out everywhere; prints a generated one (last line) unless --password-stdin")
    .requiredOption("--email <email>", "the user's e-mail address")
    .option("--password-stdin", "read the new password from standard input")
    .option("--workspace <slug>", "workspace slug (default: the only workspace)")
    .action(async (options: UserOptions) => {
      const { password, generated } = await passwordOf(options);
      const updated = await context.withDatabase(async ({ repositories }) => {
        const ctx = await cliContext({ repositories }, options.workspace);
        return resetPassword(ctx, { repositories }, { email: options.email, password });
      });
      context.io.stdout(`Password of ${updated.email} changed; their sessions are signed out.`);
      if (generated) {
        context.io.stdout("Generated password, shown only this once:");
        context.io.stdout(password);
      }
    });
  return user;
}

/** The CLI acts as an admin of the chosen workspace (whoever can run it can read the database anyway). */
async function cliContext(deps: Parameters<typeof findWorkspaceOrThrow>[0], slug: string | undefined): Promise<RequestContext> {
  const workspace = await findWorkspaceOrThrow(deps, slug ?? null);
  return { workspaceId: workspace.id, actorId: "cli", role: "admin", purpose: null, requestId: "cli" };
}

async function passwordOf(options: UserOptions): Promise<{ password: string; generated: boolean }> {
  if (!options.passwordStdin) return { password: generatePassword(), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (password === "") throw invalidInput("password-stdin", "--password-stdin read an empty password");
  return { password, generated: false };
}
