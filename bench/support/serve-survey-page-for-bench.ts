/**
 * Child process of bench/survey-page.bench.ts: serves buildApp with survey
 * settings (link secret BENCH_SURVEY_SECRET, a mailer that discards, the
 * public page limit BENCH_SURVEY_RATE_LIMIT requests a minute per address)
 * on a free loopback port against BENCH_DATABASE_URL. Sends { port } when
 * listening; answers "cpu" with its CPU time and stops on "stop".
 */
import { buildApp } from "../../apps/server/src/build-app.ts";
import { createDatabase, createRepositories } from "../../packages/storage/src/index.ts";
import { serveAsBenchChild } from "./bench-child-server.ts";

const url = process.env.BENCH_DATABASE_URL;
const secret = process.env.BENCH_SURVEY_SECRET;
if (!url || !secret) throw new Error("BENCH_DATABASE_URL and BENCH_SURVEY_SECRET must be set");
const database = await createDatabase({ url, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10) });
const app = await buildApp({
  repositories: createRepositories(database),
  satisfaction: {
    secret,
    mailer: { send: async () => undefined },
    baseUrl: "http://127.0.0.1",
    frequencyDays: 30,
    publicRateLimit: { requests: Number(process.env.BENCH_SURVEY_RATE_LIMIT ?? 60), windowMs: 60_000 },
  },
});
await serveAsBenchChild(app, database);
