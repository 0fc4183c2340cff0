import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedTokenJson, CreatedUserJson, UserJson } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("administration writes on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let manager: TestWorkspace;
  let serial = 0;
  const uniqueEmail = (who: string) => `${who}.${engine}.${++serial}@writes.example`;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    manager = { ...ws, token: (await api.createWorkspace({ role: "manager" })).token };
  });
  afterAll(async () => {
    await api?.close();
  });

  const auditActions = async (action: string) =>
    (await api.database.db.selectFrom("audit_log").select(["actor_id", "details"]).where("workspace_id", "=", ws.id).where("action", "=", action).execute()).map((r) => r.details);
  const signIn = (email: string, password: string) =>
    api.app.inject({ method: "POST", url: "/api/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email, password }) });
  const createUser = async (body: Record<string, unknown>) => {
    const res = await api.call(ws, "POST", "/api/users", body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CreatedUserJson>();
  };
  /** The signed-in session of a cookie: 200 while it holds, 401 once signed out. */
  const sessionOf = (cookie: string) => api.app.inject({ method: "GET", url: "/api/session/me", headers: { cookie } });
  const deleteToken = (id: string) => api.app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: { authorization: `Bearer ${ws.token}` } });

  it("creates a user with a given password, or generates one and returns it once", async () => {
    const given = await createUser({ email: uniqueEmail("Gina"), role: "rep", name: "Gina Given", password: "correct horse battery" });
    expect(given).toMatchObject({ user: { name: "Gina Given", role: "rep", disabled_at: null }, generated_password: null });
    expect((await signIn(given.user.email, "correct horse battery")).statusCode).toBe(200);

    const generated = await createUser({ email: uniqueEmail("gus"), role: "analyst" });
    expect(generated.user.name).toMatch(/^gus\./);
    expect(generated.generated_password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await signIn(generated.user.email, generated.generated_password ?? "")).statusCode).toBe(200);
    // Never again: the list has no password.
    expect((await api.call(ws, "GET", "/api/users")).body).not.toContain(generated.generated_password);
    expect(await auditActions("user.create")).toEqual(expect.arrayContaining([expect.objectContaining({ user_id: generated.user.id, role: "analyst" })]));
  });

  it("refuses bad input naming the field, and a second user with the same e-mail", async () => {
    const refused = async (body: unknown, status: number, field: string) => {
      const res = await api.call(ws, "POST", "/api/users", body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toMatchObject({ field });
    };
    await refused({ email: "not an address", role: "rep" }, 400, "email");
    await refused({ email: uniqueEmail("r"), role: "boss" }, 400, "role");
    await refused({ email: uniqueEmail("r"), role: "rep", password: "short" }, 400, "password");
    await refused({ email: uniqueEmail("r"), role: "rep", colour: "blue" }, 400, "colour");
    const email = uniqueEmail("twin");
    await createUser({ email, role: "rep" });
    await refused({ email: email.toUpperCase(), role: "agent" }, 409, "email");
    const patch = await api.call(ws, "PATCH", "/api/users/usr_nobody", { role: "rep" });
    expect(patch.statusCode).toBe(404);
    expect(patch.json()).toMatchObject({ code: "user_not_found", field: "id" });
    expect((await api.call(ws, "PATCH", "/api/users/usr_nobody", { disabled: "yes" })).json()).toMatchObject({ status: 400, field: "disabled" });
  });

  it("changes a role and disables and enables a user, signing it out and auditing each change", async () => {
    const email = uniqueEmail("dora");
    const { user } = await createUser({ email, role: "agent", password: "correct horse battery" });
    const cookie = String((await signIn(email, "correct horse battery")).headers["set-cookie"]).split(";")[0] ?? "";

    const promoted = await api.call(ws, "PATCH", `/api/users/${user.id}`, { role: "manager" });
    expect(promoted.json<UserJson>()).toMatchObject({ id: user.id, role: "manager", disabled_at: null });
    expect((await api.app.inject({ method: "GET", url: "/api/session/me", headers: { cookie } })).json()).toMatchObject({ role: "manager" });

    const disabled = (await api.call(ws, "PATCH", `/api/users/${user.id}`, { disabled: true })).json<UserJson>();
    expect(disabled.disabled_at).not.toBeNull();
    expect((await sessionOf(cookie)).statusCode).toBe(401);
    expect((await signIn(email, "correct horse battery")).statusCode).toBe(401);
    // Disabling again keeps the first time and writes no second row.
    expect((await api.call(ws, "PATCH", `/api/users/${user.id}`, { disabled: true })).json<UserJson>().disabled_at).toBe(disabled.disabled_at);

    expect((await api.call(ws, "PATCH", `/api/users/${user.id}`, { disabled: false })).json<UserJson>().disabled_at).toBeNull();
    expect((await signIn(email, "correct horse battery")).statusCode).toBe(200);

    expect(await auditActions("user.role_change")).toEqual([{ user_id: user.id, from: "agent", to: "manager" }]);
    expect(await auditActions("user.disable")).toEqual([{ user_id: user.id }]);
    expect(await auditActions("user.enable")).toEqual([{ user_id: user.id }]);
  });

  it("keeps one enabled admin: the last one may not demote or disable itself", async () => {
    const own = await api.createWorkspace();
    const email = uniqueEmail("ada");
    const ada = (await api.call(own, "POST", "/api/users", { email, role: "admin", password: "correct horse battery" })).json<CreatedUserJson>().user;
    const signedIn = await signIn(email, "correct horse battery");
    const session = { cookie: String(signedIn.headers["set-cookie"]).split(";")[0] ?? "", "x-csrf-token": signedIn.json<{ csrf_token: string }>().csrf_token };
    const asAda = (body: unknown) =>
      api.app.inject({ method: "PATCH", url: `/api/users/${ada.id}`, headers: { ...session, "content-type": "application/json" }, payload: JSON.stringify(body) });

    for (const [body, field] of [[{ role: "manager" }, "role"], [{ disabled: true }, "disabled"]] as const) {
      const res = await asAda(body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: "last_admin", field });
      expect(res.json<{ detail: string }>().detail).toMatch(/^You are the last enabled administrator/);
    }
    // A disabled admin does not count; an enabled second one does.
    const second = (await api.call(own, "POST", "/api/users", { email: uniqueEmail("bob"), role: "admin" })).json<CreatedUserJson>().user;
    await api.call(own, "PATCH", `/api/users/${second.id}`, { disabled: true });
    expect((await asAda({ role: "manager" })).statusCode).toBe(409);
    await api.call(own, "PATCH", `/api/users/${second.id}`, { disabled: false });
    const demoted = await asAda({ role: "manager" });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect((await api.call(own, "PATCH", `/api/users/${second.id}`, { role: "rep" })).json()).toMatchObject({ status: 409, code: "last_admin", field: "role" });
  });

  it("creates an API token and a write key, shows each secret once, and revokes them, auditing both", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await api.call(ws, "POST", "/api/tokens", { kind: "api", name: "reporting", role: "analyst", expires_at: expiresAt });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<CreatedTokenJson>();
    expect(created.token).toMatchObject({ kind: "api", name: "reporting", role: "analyst", revoked_at: null, expires_at: expiresAt });
    expect(created.secret.startsWith(created.token.prefix)).toBe(true);
    const me = await api.app.inject({ method: "GET", url: "/api/session/me", headers: { authorization: `Bearer ${created.secret}` } });
    expect(me.json()).toMatchObject({ role: "analyst", actor_id: created.token.id });
    expect((await api.call(ws, "GET", "/api/tokens")).body).not.toContain(created.secret);

    const key = (await api.call(ws, "POST", "/api/tokens", { kind: "write_key", name: "website" })).json<CreatedTokenJson>();
    expect(key.token).toMatchObject({ kind: "write_key", name: "website" });
    expect(key.secret).toMatch(/^twk_/);

    expect((await deleteToken(created.token.id)).json()).toMatchObject({ id: created.token.id, revoked_at: expect.any(String) });
    expect((await api.app.inject({ method: "GET", url: "/api/session/me", headers: { authorization: `Bearer ${created.secret}` } })).statusCode).toBe(401);
    expect(await auditActions("token.create")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ token_id: created.token.id, kind: "api", role: "analyst" }),
        expect.objectContaining({ token_id: key.token.id, kind: "write_key" }),
      ]),
    );
    expect(await auditActions("token.revoke")).toEqual([expect.objectContaining({ token_id: created.token.id })]);
  });

  it("refuses bad token input naming the field", async () => {
    const refused = async (body: unknown, field: string) => {
      const res = await api.call(ws, "POST", "/api/tokens", body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: "invalid_input", field });
    };
    await refused({ kind: "api", name: "  " }, "name");
    await refused({ kind: "api", name: "x", role: "root" }, "role");
    await refused({ kind: "write_key", name: "x", role: "analyst" }, "role");
    await refused({ kind: "api", name: "x", expires_at: "2001-01-01T00:00:00Z" }, "expires_at");
    await refused({ kind: "api", name: "x", expires_at: "tomorrow" }, "expires_at");
    await refused({ kind: "api", name: "x", user_id: "usr_nobody" }, "user");
    await refused({ name: "x" }, "kind");
  });

  it("refuses every write to a manager (403)", async () => {
    const calls = [
      api.call(manager, "POST", "/api/users", { email: uniqueEmail("m"), role: "admin" }),
      api.call(manager, "PATCH", "/api/users/usr_any", { role: "admin" }),
      api.call(manager, "POST", "/api/tokens", { kind: "api", name: "mine", role: "admin" }),
      api.app.inject({ method: "DELETE", url: "/api/tokens/tok_any", headers: { authorization: `Bearer ${manager.token}` } }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: "permission_denied" });
    }
  });

  it("resets a user's password (generated once, or given), signs the user out, and refuses bad input and non-admins", async () => {
    const created = await createUser({ email: uniqueEmail("Pia"), role: "agent", password: "first password here" });
    const session = await signIn(created.user.email, "first password here");
    expect(session.statusCode).toBe(200);
    const cookie = String(session.headers["set-cookie"]).split(";")[0] ?? "";
    expect((await sessionOf(cookie)).statusCode).toBe(200);

    const reset = await api.call(ws, "POST", `/api/users/${created.user.id}/password`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const generated = reset.json<{ user: UserJson; generated_password: string | null }>().generated_password ?? "";
    expect(generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await signIn(created.user.email, "first password here")).statusCode).toBe(401);
    expect((await signIn(created.user.email, generated)).statusCode).toBe(200);
    // The session opened with the old password is gone.
    expect((await sessionOf(cookie)).statusCode).toBe(401);

    const given = await api.call(ws, "POST", `/api/users/${created.user.id}/password`, { password: "a chosen new password" });
    expect(given.json()).toMatchObject({ generated_password: null });
    expect((await signIn(created.user.email, "a chosen new password")).statusCode).toBe(200);
    expect(await auditActions("user.password_reset")).toEqual(expect.arrayContaining([expect.objectContaining({ user_id: created.user.id })]));

    expect((await api.call(ws, "POST", `/api/users/${created.user.id}/password`, { password: "short" })).json()).toMatchObject({ status: 400, field: "password" });
    expect((await api.call(ws, "POST", "/api/users/usr_nobody/password", {})).json()).toMatchObject({ status: 404, field: "id" });
    expect((await api.call(manager, "POST", `/api/users/${created.user.id}/password`, {})).statusCode).toBe(403);
  });
});

