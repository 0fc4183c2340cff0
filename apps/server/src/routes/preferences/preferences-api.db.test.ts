import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser } from "@tenure/app";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("preferences and saved views on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let ann: TestWorkspace;
  let bob: TestWorkspace;

  const send = (who: TestWorkspace, method: "PUT" | "DELETE", url: string, body?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${who.token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    const userToken = async (email: string) => {
      const user = await createUser(ws.ctx, { repositories: api.repositories }, { email, role: "manager", password: "correct horse battery" });
      return { ...ws, token: (await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "api", name: email, role: "manager", userId: user.id })).secret };
    };
    ann = await userToken("ann@example.com");
    bob = await userToken("bob@example.com");
  });
  afterAll(async () => {
    await api?.close();
  });

  it("keeps a user's language, and refuses one the app does not speak", async () => {
    expect((await api.call(ann, "GET", "/api/session/preferences")).json()).toEqual({ locale: "en" });
    expect((await send(ann, "PUT", "/api/session/preferences", { locale: "ja" })).json()).toEqual({ locale: "ja" });
    expect((await api.call(ann, "GET", "/api/session/preferences")).json()).toEqual({ locale: "ja" });
    expect((await api.call(bob, "GET", "/api/session/preferences")).json()).toEqual({ locale: "en" });
    expect((await send(ann, "PUT", "/api/session/preferences", { locale: "de" })).statusCode).toBe(400);
    // A token bound to a role, not a user, has no preferences.
    expect((await api.call(ws, "GET", "/api/session/preferences")).json()).toMatchObject({ code: "no_user" });
  });

  it("saves, renames and deletes a user's own views, names unique per page", async () => {
    const created = await api.call(ann, "POST", "/api/views", { page: "customers", name: "Gold in Japan", query: { "attr.plan": "gold", country: "JP", sort: "-created_at" } });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json<{ id: string }>();
    expect(view).toMatchObject({ page: "customers", name: "Gold in Japan", query: { country: "JP" } });
    expect((await api.call(ann, "POST", "/api/views", { page: "customers", name: "gold in japan", query: {} })).json()).toMatchObject({ code: "view_name_taken", field: "name" });
    expect((await api.call(ann, "POST", "/api/views", { page: "customers", name: "Bad", query: { "no spaces": "x" } })).json()).toMatchObject({ field: "query.no spaces" });
    expect((await api.call(bob, "GET", "/api/views?page=customers")).json()).toEqual({ items: [] });
    expect((await api.call(bob, "PATCH", `/api/views/${view.id}`, { name: "Mine now" })).statusCode).toBe(404);
    const renamed = await api.call(ann, "PATCH", `/api/views/${view.id}`, { name: "Gold JP" });
    expect(renamed.json()).toMatchObject({ name: "Gold JP", query: { "attr.plan": "gold" } });
    expect((await api.call(ann, "GET", "/api/views?page=customers")).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await send(bob, "DELETE", `/api/views/${view.id}`)).statusCode).toBe(404);
    expect((await send(ann, "DELETE", `/api/views/${view.id}`)).statusCode).toBe(204);
    expect((await api.call(ann, "GET", "/api/views?page=customers")).json()).toEqual({ items: [] });
  });
});
