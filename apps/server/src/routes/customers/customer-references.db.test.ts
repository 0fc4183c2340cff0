import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerJson, Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("a customer's owner and parent account must exist, on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    await api.database.db
      .insertInto("users")
      .values([
        { workspace_id: ws.id, id: "usr_rep", email: "rep@acme.example", name: "Rita Rep", role: "rep" },
        { workspace_id: ws.id, id: "usr_gone", email: "gone@acme.example", name: "Gil Gone", role: "rep", disabled_at: new Date() },
      ])
      .execute();
  });
  afterAll(async () => {
    await api.close();
  });

  const create = (body: Record<string, unknown>) => api.call(ws, "POST", "/api/customers", { kind: "organization", ...body });
  const refused = (res: { statusCode: number; json: <T>() => T }, field: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>()).toMatchObject({ code: "unknown_reference", field });
  };

  it("refuses an unknown or disabled owner and an unknown parent, storing nothing", async () => {
    refused(await create({ name: "Nope Ltd", owner_user_id: "usr_nobody" }), "owner_user_id");
    refused(await create({ name: "Nope Ltd", owner_user_id: "usr_gone" }), "owner_user_id");
    refused(await create({ name: "Nope Ltd", parent_customer_id: "cus_nobody" }), "parent_customer_id");
    const list = await api.call(ws, "GET", "/api/customers?q=nope");
    expect(list.json<{ total: number }>().total).toBe(0);
  });

  it("accepts an existing owner and parent, and refuses a parent cycle on update", async () => {
    const group = await create({ name: "Group plc", owner_user_id: "usr_rep" });
    expect(group.statusCode).toBe(201);
    const groupId = group.json<CustomerJson>().id;
    const child = await create({ name: "Child GmbH", parent_customer_id: groupId });
    expect(child.statusCode).toBe(201);
    const childId = child.json<CustomerJson>().id;
    const grandchild = await create({ name: "Grandchild SA", parent_customer_id: childId });
    const grandchildId = grandchild.json<CustomerJson>().id;

    refused(await api.call(ws, "PATCH", `/api/customers/${groupId}`, { parent_customer_id: groupId }), "parent_customer_id");
    refused(await api.call(ws, "PATCH", `/api/customers/${groupId}`, { parent_customer_id: grandchildId }), "parent_customer_id");
    refused(await api.call(ws, "PATCH", `/api/customers/${childId}`, { owner_user_id: "usr_nobody" }), "owner_user_id");
    const moved = await api.call(ws, "PATCH", `/api/customers/${grandchildId}`, { parent_customer_id: groupId });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<CustomerJson>().parent_customer_id).toBe(groupId);
  });

  it("lets a customer keep an owner who was disabled since, when other fields change", async () => {
    const kept = await create({ name: "Kept AG", owner_user_id: "usr_rep" });
    const id = kept.json<CustomerJson>().id;
    await api.database.db.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", "usr_rep").execute();
    const res = await api.call(ws, "PATCH", `/api/customers/${id}`, { owner_user_id: "usr_rep", industry: "Retail" });
    expect(res.statusCode).toBe(200);
  });
});
