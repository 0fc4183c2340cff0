/**
 * Child process of bench/customer-api.bench.ts: serves buildApp on a free
 * loopback port against BENCH_DATABASE_URL, so the load generator does not
 * share the server's event loop. Sends { port } to the parent when listening.
 */
import { buildApp } from "../../apps/server/src/build-app.ts";
import { createDatabase, createRepositories } from "../../packages/storage/src/index.ts";
import { serveAsBenchChild } from "./bench-child-server.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");
const database = await createDatabase({ url, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10) });
const app = await buildApp({ repositories: createRepositories(database) });
await serveAsBenchChild(app, database);
