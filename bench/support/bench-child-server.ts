import type { FastifyInstance } from "fastify";
import type { Database } from "../../packages/storage/src/index.ts";

/**
 * Run a built app as a bench child process: listen on a free loopback port,
 * send { port } to the parent, answer "cpu" with this process's CPU time in
 * ms, and on "stop" close the app and the database and exit.
 */
export async function serveAsBenchChild(app: FastifyInstance, database: Database): Promise<void> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
  process.on("message", async (message) => {
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMs: (user + system) / 1000 });
    }
    if (message === "stop") {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
}
