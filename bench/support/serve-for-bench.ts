/**
 * Child process of bench/customer-api.bench.ts: serves buildApp on a free
 * loopback port against BENCH_DATABASE_URL, so the load generator does not
 * share the server's event loop. Sends { port } to the parent when listening.
 */
import { buildApp } from "../../apps/server/src/build-app.ts";
import { createDatabase, createRepositories } from "../../packages/storage/src/index.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");
const database = await createDatabase({ url, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10) });
const app = await buildApp({ repositories: createRepositories(database) });
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
