import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { JobQueue, Mailer } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";

/** The Fastify instance with zod schemas as its type provider. */
export type ApiServer = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * How a route authenticates: `api` = Bearer API token (default for every
 * route), `write_key` = ingestion write key (Basic user name or Bearer),
 * `none` = public (health, OpenAPI document, docs page).
 */
export type AuthMode = "api" | "write_key" | "none";

/** What buildApp needs; main.ts wires storage into `repositories`. */
export interface AppDeps {
  repositories: Repositories;
  /** Background jobs (pg-boss; apps/server/src/jobs). Without it, work that would be queued runs during the request. */
  jobs?: JobQueue | undefined;
  /** Fastify/pino logger options; false (default) logs nothing. */
  logger?: FastifyServerOptions["logger"];
  limits?: {
    /** Largest accepted request body, bytes (default 1 MiB). A route may set its own bodyLimit. */
    bodyLimitBytes?: number;
    /** Largest file accepted by POST /api/imports, bytes (default 256 MiB). */
    importBytes?: number;
  };
  /** Surveys and their public page; without it the survey routes are not registered. */
  satisfaction?: SatisfactionDeps | undefined;
}

/** What the survey routes need: the link secret, a mailer, where links point, the frequency cap. */
export interface SatisfactionDeps {
  /** Server secret that signs survey links (resolveServerSecret). */
  secret: string;
  mailer: Mailer;
  /** Public base URL of this server, for links in emails. */
  baseUrl: string;
  /** Never more than one survey per customer in this many days. */
  frequencyDays: number;
  /** Requests per client address on /s/{token} (default 60 a minute). */
  publicRateLimit?: { requests: number; windowMs: number };
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Authentication of the route; see AuthMode. */
    auth?: AuthMode;
  }
  interface FastifyRequest {
    /** Set by the authentication hook on every authenticated route. */
    ctx: RequestContext | null;
    /** The session cookie's value when the request was authenticated by it (sign-out ends that session). */
    sessionSecret: string | null;
  }
}
