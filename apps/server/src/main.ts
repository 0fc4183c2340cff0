import type { AddressInfo } from "node:net";
import { createApiToken, findWorkspaceOrThrow, loadDemoWorkspace, refitCustomerValue } from "@tenure/app";
import type { DemoOptions, Repositories } from "@tenure/domain";
import { resolveServerSecret, type Config } from "@tenure/shared";
import { createRepositories, migrate } from "@tenure/storage";
import { buildApp } from "./build-app.ts";
import { prepareStaffUsers } from "./first-start-users.ts";
import { configuredMailer } from "./mail/configured-mailer.ts";
import { deferredJobQueue } from "./jobs/deferred-job-queue.ts";
import { describeDatabase, openConfiguredDatabase } from "./open-configured-database.ts";
import { startJobs } from "./jobs/start-jobs.ts";
import { docsPrefix } from "./routes/docs-routes.ts";
import { startJobsLater, type LaterJobs } from "./start-jobs-later.ts";

/** How long after listening the job system starts (see startJobsLater). */
const jobsStartDelayMs = 2_000;

/** A listening server. */
export interface RunningServer {
  /** e.g. http://localhost:3000 */
  readonly url: string;
  readonly port: number;
  /** Close the server, then the database; safe to call twice. */
  close(): Promise<void>;
  /** Resolves once closed (by close() or a signal); rejects when the job system failed to start (the server then closes). */
  readonly closed: Promise<void>;
}

export interface StartOptions {
  /** Where the start-up lines go (default stdout). */
  print?: (line: string) => void;
  /** Close gracefully on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  /** Demo size and seed for the first start (tests use a small one). */
  demo?: Partial<DemoOptions>;
}

/**
 * Start Tenure: open and migrate the configured database; on the first start
 * of an empty database load the demo workspace (unless TENURE_DEMO=0) and
 * print a first API token once; then build the HTTP app and listen.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const database = await openConfiguredDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let jobs: LaterJobs | undefined;
  try {
    await migrate(database);
    const repositories = createRepositories(database);
    const firstStart = await prepareFirstStart(config, repositories, options.demo ?? {});
    const staffLines = await prepareStaffUsers(config, repositories, firstStart.kind === "demo");
    // At the default "info", the banner says what matters and Fastify logs only
    // warnings and errors; "debug" and "trace" add a line per request.
    const logger = config.logLevel === "silent" ? false : { level: config.logLevel === "info" ? "warn" : config.logLevel };
    // Background jobs (customer-value refits daily and on request) run in this
    // process; they start a moment after the server listens, so a restart
    // answers sooner; jobs enqueued meanwhile wait in pendingJobs.
    const pendingJobs = deferredJobQueue();
    const satisfaction = {
      secret: resolveServerSecret(config),
      mailer: configuredMailer(config),
      baseUrl: config.publicUrl ?? `http://${displayHost(config.host)}:${config.port}`,
      frequencyDays: config.surveyFrequencyDays,
      publicRateLimit: { requests: config.surveyPageRateLimit, windowMs: 60_000 },
    };
    app = await buildApp({ repositories, logger, jobs: pendingJobs.queue, satisfaction });
    await app.listen({ port: config.port, host: config.host });
    jobs = startJobsLater(() => startJobs({ database, repositories, satisfaction }), jobsStartDelayMs);
    const port = (app.server.address() as AddressInfo).port;
    const url = `http://${displayHost(config.host)}:${port}`;
    const lines = banner(config, url, firstStart);
    lines.splice(lines.length - 1, 0, ...staffLines);
    for (const line of lines) print(line);

    let closing: Promise<void> | undefined;
    let settleClosed!: { resolve: () => void; reject: (error: unknown) => void };
    const closed = new Promise<void>((resolve, reject) => (settleClosed = { resolve, reject }));
    let jobsFailure: unknown = null;
    const running = app;
    const runningJobs = jobs;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        try {
          await running.close();
          await runningJobs.stop();
        } finally {
          await database.close();
          if (jobsFailure === null) settleClosed.resolve();
          else settleClosed.reject(jobsFailure);
        }
      })());
    const onSignal = (signal: NodeJS.Signals): void => {
      print(`${signal} received: shutting down`);
      void close();
    };
    runningJobs.started.then(
      (started) => started && pendingJobs.attach(started.queue),
      (error: unknown) => {
        jobsFailure = error;
        void close();
      },
    );
    if (options.handleSignals !== false) {
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
    }
    return { url, port, close, closed };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** What happened on this start, for the banner. */
type FirstStart =
  | { kind: "existing" }
  | { kind: "empty" }
  | { kind: "demo"; customers: number; orders: number; seconds: number; token: string };

async function prepareFirstStart(config: Config, repositories: Repositories, demo: Partial<DemoOptions>): Promise<FirstStart> {
  if ((await repositories.workspaces.list()).length > 0) return { kind: "existing" };
  if (!config.demo) return { kind: "empty" };
  const started = performance.now();
  const loaded = await loadDemoWorkspace({ repositories }, demo);
  const workspace = await findWorkspaceOrThrow({ repositories }, loaded.workspace.slug);
  const system = { workspaceId: workspace.id, actorId: "system", role: "admin", purpose: null, requestId: "first-start" } as const;
  // Score the demo customers now, so the first customer page already shows its value.
  await refitCustomerValue(system, { repositories });
  const { secret } = await createApiToken(
    system,
    { repositories },
    { kind: "api", name: "first start", role: "admin" },
  );
  return { kind: "demo", customers: loaded.counts.customers, orders: loaded.counts.orders, seconds: (performance.now() - started) / 1000, token: secret };
}

function displayHost(host: string): string {
  return host === "0.0.0.0" || host === "::" || host === "127.0.0.1" || host === "::1" ? "localhost" : host;
}

function banner(config: Config, url: string, first: FirstStart): string[] {
  const lines = [`Tenure is running at ${url}`, `  API docs:  ${url}${docsPrefix}`, `  Data:      ${describeDatabase(config)}`];
  if (first.kind === "demo") {
    lines.push(
      `First start: loaded the demo workspace "Demo Co" (${first.customers} customers, ${first.orders} orders) in ${first.seconds.toFixed(1)} s.`,
      "  Your API token for the demo workspace (shown only this once; keep it):",
      `  ${first.token}`,
      `  Try: curl -H "Authorization: Bearer <token>" ${url}/api/customers`,
    );
  } else if (first.kind === "empty") {
    lines.push("The database is empty (TENURE_DEMO=0). Load the demo with: npx tenure demo");
  }
  // An embedded database is held by this process: a CLI command cannot open it while the server runs.
  const newToken = config.databaseUrl ? "npx tenure token create --name me" : "the web app's Administration page, or stop the server and run npx tenure token create --name me";
  lines.push(`  New API token: ${newToken}`, "Press Ctrl+C to stop.");
  return lines;
}
