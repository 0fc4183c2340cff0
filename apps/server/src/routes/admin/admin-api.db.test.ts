import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@tenure/app";
import type { AccessPolicyJson, UserJson } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("administration lists on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let manager: TestWorkspace;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    await api.database.db.updateTable("workspaces").set({ settings: JSON.stringify({ purposes: ["service", "billing"] }) }).where("id", "=", ws.id).execute();
    await createUser(ws.ctx, { repositories: api.repositories }, { email: "mia@example.com", role: "manager", name: "Mia Manager", password: "correct horse battery" });
    manager = { ...(await api.createWorkspace({ role: "manager" })) };
  });
  afterAll(async () => {
    await api?.close();
  });

  it("lists the workspace's users with their roles, and never a password", async () => {
    const res = await api.call(ws, "GET", "/api/users");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: UserJson[] }>().items;
    expect(items).toEqual([expect.objectContaining({ email: "mia@example.com", name: "Mia Manager", role: "manager", disabled_at: null })]);
    expect(res.body).not.toMatch(/password|argon/i);
    expect((await api.call(manager, "GET", "/api/users")).statusCode).toBe(403);
    expect((await api.call(manager, "GET", "/api/users")).json()).toMatchObject({ code: "permission_denied" });
  });

  it("describes roles and the purposes this workspace accepts", async () => {
    const policy = (await api.call(ws, "GET", "/api/access-policy")).json<AccessPolicyJson>();
    expect(policy.roles.find((r) => r.role === "analyst")).toMatchObject({ reveal_purposes: [] });
    expect(policy.roles.find((r) => r.role === "admin")?.permissions).toContain("users.manage");
    expect(policy.purposes.find((p) => p.purpose === "billing")).toEqual({ purpose: "billing", enabled: true, roles: ["admin", "manager"] });
    expect(policy.purposes.find((p) => p.purpose === "marketing")).toMatchObject({ enabled: false });
  });
});
