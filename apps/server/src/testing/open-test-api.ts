import type { LightMyRequestResponse } from "fastify";
import { createApiToken, createCustomer, type CreateCustomerInput } from "@tenure/app";
import type { Customer, Repositories } from "@tenure/domain";
import { newId, type RequestContext, type Role } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database, type Engine } from "@tenure/storage";
import type { ApiServer } from "../http/api-server.ts";
import { buildApp } from "../build-app.ts";

/** A workspace made for a test, with an API token for it. */
export interface TestWorkspace {
  id: string;
  /** Plaintext API token of the workspace (admin unless asked otherwise). */
  token: string;
  ctx: RequestContext;
}

export interface TestOrder {
  ordered_at: string;
  total: string;
  status?: "completed" | "cancelled" | "returned" | "pending";
  /** ISO 4217; EUR unless given. */
  currency?: string;
}

/** The app on a fresh database of `engine`, with factories for the rows tests need. */
export interface TestApi {
  app: ApiServer;
  database: Database;
  repositories: Repositories;
  createWorkspace(options?: { role?: Role }): Promise<TestWorkspace>;
  createCustomer(ws: TestWorkspace, input: CreateCustomerInput): Promise<Customer>;
  addOrders(ws: TestWorkspace, customerId: string, orders: TestOrder[]): Promise<void>;
  /** An authenticated request as `ws` (its token) declaring X-Purpose: service unless `headers` set it; JSON body if given. */
  call(ws: TestWorkspace | null, method: "GET" | "POST" | "PATCH", url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Open a migrated test database on `engine` and build the app on it (no port). */
export async function openTestApi(engine: Engine): Promise<TestApi> {
  const database = await openTestDatabase(engine);
  const repositories = createRepositories(database);
  const app = await buildApp({ repositories });
  await app.ready();
  return {
    app,
    database,
    repositories,
    async createWorkspace(options = {}) {
      const id = newId("workspace");
      await database.db.insertInto("workspaces").values({ id, name: `Test ${id}`, slug: id, settings: "{}" }).execute();
      const system: RequestContext = { workspaceId: id, actorId: "test", role: "admin", purpose: null, requestId: "test" };
      const created = await createApiToken(system, { repositories }, { kind: "api", name: "test", role: options.role ?? "admin" });
      return { id, token: created.secret, ctx: { ...system, actorId: created.token.id } };
    },
    createCustomer: (ws, input) => createCustomer(ws.ctx, { repositories }, input),
    async addOrders(ws, customerId, orders) {
      for (const o of orders) {
        await database.db
          .insertInto("orders")
          .values({
            workspace_id: ws.id,
            id: newId("order"),
            external_id: newId("order"),
            customer_id: customerId,
            ordered_at: o.ordered_at,
            currency: o.currency ?? "EUR",
            status: o.status ?? "completed",
            total: o.total,
            attributes: "{}",
          })
          .execute();
      }
    },
    call(ws, method, url, body, headers = {}) {
      // Tests act for a declared purpose (service) unless they say otherwise, so they see personal data unmasked.
      const all: Record<string, string> = { ...(ws ? { authorization: `Bearer ${ws.token}` } : {}), "x-purpose": "service", ...headers };
      if (body === undefined) return app.inject({ method, url, headers: all });
      return app.inject({ method, url, headers: { "content-type": "application/json", ...all }, payload: JSON.stringify(body) });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
