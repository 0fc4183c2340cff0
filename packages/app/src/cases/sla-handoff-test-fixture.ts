import { sql } from "kysely";
import type { Repositories } from "@tenure/domain";
import type { RequestContext, Role } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database, type Engine } from "@tenure/storage";

/** A small workspace for the SLA, handoff and known-problem database tests. */
export interface CaseFixture {
  database: Database;
  repositories: Repositories;
  ctx(role: Role, actorId?: string): RequestContext;
  /** Insert a case; `events` are [kind, to_status | null, ISO time]. */
  insertCase(id: string, fields: CaseFields, events?: readonly (readonly [string, string | null, string])[]): Promise<void>;
  close(): Promise<void>;
}

export interface CaseFields {
  openedAt: string;
  status?: string;
  priority?: string;
  ownerUserId?: string | null;
  teamId?: string | null;
  customerId?: string;
  category?: string | null;
  productId?: string | null;
  firstResponseAt?: string | null;
  lastCustomerUpdateAt?: string | null;
  resolvedAt?: string | null;
}

export const fixtureWorkspace = "ws_cases";

/**
 * Workspace ws_cases with users usr_ann and usr_ben (agents), usr_lea
 * (manager), team tm_berlin (Europe/Berlin), product prd_app and customers
 * cus_big (organization, size 1000+, plan enterprise, ja-JP) and cus_small
 * (person, en).
 */
export async function openCaseFixture(engine: Engine): Promise<CaseFixture> {
  const database = await openTestDatabase(engine);
  const db = database.db;
  const ws = fixtureWorkspace;
  await db.insertInto("workspaces").values({ id: ws, name: "Acme", slug: "acme", settings: "{}" }).execute();
  await db
    .insertInto("users")
    .values([
      { workspace_id: ws, id: "usr_ann", email: "ann@example.com", name: "Ann", role: "agent" },
      { workspace_id: ws, id: "usr_ben", email: "ben@example.com", name: "Ben", role: "agent" },
      { workspace_id: ws, id: "usr_lea", email: "lea@example.com", name: "Lea", role: "manager" },
    ])
    .execute();
  await sql`insert into teams (workspace_id, id, name, time_zone) values (${ws}, 'tm_berlin', 'Berlin support', 'Europe/Berlin')`.execute(db);
  await db.insertInto("products").values({ workspace_id: ws, id: "prd_app", external_id: "APP", name: "App", attributes: "{}" }).execute();
  await db
    .insertInto("customers")
    .values([
      { workspace_id: ws, id: "cus_big", kind: "organization", name: "Big Co", size_band: "1000+", locale: "ja-JP", attributes: JSON.stringify({ plan: "enterprise" }) },
      { workspace_id: ws, id: "cus_small", kind: "person", name: "Sam", locale: "en" },
    ])
    .execute();
  let eventSeq = 0;
  return {
    database,
    repositories: createRepositories(database),
    ctx: (role, actorId = "tok_test") => ({ workspaceId: ws, actorId, role, purpose: null, requestId: "req_test" }),
    async insertCase(id, f, events = []) {
      await sql`
        insert into cases (workspace_id, id, customer_id, subject, category, product_id, priority, status, owner_user_id, team_id, opened_at, first_response_at, last_customer_update_at, resolved_at)
        values (${ws}, ${id}, ${f.customerId ?? "cus_small"}, ${`Case ${id}`}, ${f.category ?? null}, ${f.productId ?? null}, ${f.priority ?? "normal"}, ${f.status ?? "open"},
          ${f.ownerUserId ?? null}, ${f.teamId ?? null}, ${f.openedAt}, ${f.firstResponseAt ?? null}, ${f.lastCustomerUpdateAt ?? null}, ${f.resolvedAt ?? null})`.execute(db);
      for (const [kind, toStatus, at] of events) {
        eventSeq += 1;
        await sql`insert into case_events (workspace_id, id, case_id, kind, to_status, occurred_at) values (${ws}, ${`evt_f${eventSeq}`}, ${id}, ${kind}, ${toStatus}, ${at})`.execute(db);
      }
    },
    close: () => database.close(),
  };
}
