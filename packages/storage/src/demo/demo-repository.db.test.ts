import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { defaultDemoOptions, generateDemoWorkspace, type DemoDataset } from "@tenure/domain";
import { isAppError } from "@tenure/shared";
import type { Database } from "../database/create-database.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";
import { createDemoRepository } from "./demo-repository.ts";
import { createWorkspaceRepository } from "../workspaces/workspace-repository.ts";

describe.each(testEngines())("demo repository on %s", (engine) => {
  let database: Database;
  let dataset: DemoDataset;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    dataset = generateDemoWorkspace({ ...defaultDemoOptions, customers: 200 });
    await createDemoRepository(database).write(dataset);
  });
  afterAll(async () => {
    await database.close();
  });

  const count = async (table: string): Promise<number> =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n ?? -1;

  it("writes every row, listed as one workspace with its customers", async () => {
    expect(await createWorkspaceRepository(database.db).list()).toEqual([{ id: dataset.workspace.id, slug: "demo", name: "Demo Co", customers: 200 }]);
    expect(await count("orders")).toBe(dataset.orders.length);
    expect(await count("order_lines")).toBe(dataset.orderLines.length);
    expect(await count("contacts")).toBe(dataset.contacts.length);
    expect(await count("invoices")).toBe(dataset.invoices.length);
    expect(await count("payments")).toBe(dataset.payments.length);
    expect(await count("events")).toBe(dataset.events.length);
    expect(await count("users")).toBe(dataset.users.length);
  });

  it("stores amounts exactly (amount = quantity × unit price in SQL) and names in their own script", async () => {
    const wrong = await sql<{ n: number }>`select count(*)::int as n from order_lines where amount <> quantity * unit_price`.execute(database.db);
    expect(wrong.rows[0]?.n).toBe(0);
    const person = dataset.customers.find((c) => c.locale === "ja" || c.locale === "zh" || c.locale === "ru");
    const stored = await database.db.selectFrom("customers").select(["name", "time_zone", "attributes"]).where("id", "=", person?.id ?? "").executeTakeFirst();
    expect(stored?.name).toBe(person?.name);
    expect(stored?.attributes).toEqual(person?.attributes);
  });

  it("gives every B2B account an owner who is a rep, and contacts", async () => {
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from customers c
      where c.kind = 'organization'
        and (not exists (select 1 from contacts k where k.workspace_id = c.workspace_id and k.customer_id = c.id)
          or not exists (select 1 from users u where u.workspace_id = c.workspace_id and u.id = c.owner_user_id and u.role = 'rep'))`.execute(database.db);
    expect(orphans.rows[0]?.n).toBe(0);
  });

  it("refuses a second demo workspace with a conflict and leaves the first untouched", async () => {
    const again = generateDemoWorkspace({ ...defaultDemoOptions, customers: 20, seed: 7 });
    const error = await createDemoRepository(database).write(again).catch((e: unknown) => e);
    expect(isAppError(error) && error.category).toBe("conflict");
    expect(await count("customers")).toBe(200);
    expect(await count("orders")).toBe(dataset.orders.length);
  });
});
