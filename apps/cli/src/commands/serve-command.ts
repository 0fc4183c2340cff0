import { Command } from "commander";
import type { CliContext } from "../cli-context.ts";

/** `tenure serve`: run the HTTP server until SIGINT/SIGTERM (npm start). */
export function serveCommand(context: CliContext): Command {
  return new Command("serve")
    .description("start the HTTP server (first start on an empty database loads the demo workspace)")
    .action(async () => {
      const { startServer } = await import("@tenure/server");
      const server = await startServer(context.config(), { print: context.io.stdout });
      await server.closed;
    });
}
