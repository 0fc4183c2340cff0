import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createApiToken } from "@tenure/app";
import { permissionMatrix, roles, type Permission } from "@tenure/domain";
import type { Role } from "@tenure/shared";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../testing/open-test-api.ts";
import { exampleOf, operationsOf, stringFieldsOf, urlOf, type OpenApiDocument, type Operation } from "./openapi-walk.ts";

// Distinctive values of workspace B, searched for in every answer A gets.
const secretName = "Bertha Zyxwvut";
const secretEmail = "bertha.zyxwvut@b-secret.example";
const secretExternalId = "B-SECRET-7";

const injectionPayloads = [
  "' OR '1'='1",
  "'; DROP TABLE customers; --",
  "\" OR \"\"=\"",
  "%' OR 1=1 --",
  "x' UNION SELECT email, name FROM customers --",
  "1; SELECT pg_sleep(5)",
  "\u0000",
  "{{7*7}}${7*7}<script>alert(1)</script>",
];

describe.each(testEngines())("security suite on %s", (engine) => {
  /** What the suite tried and saw, printed at the end. */
  const figures = { routeRoleChecks: 0, anonymousChecks: 0, injectionRequests: 0, crossWorkspaceProbes: 0, auditReads: 0, auditRows: 0 };
  let api: TestApi;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let ops: Operation[];
  const roleTokens = new Map<Role, string>();
  let aliceId = "";
  // The customer probes are aimed at (PATCH probes change it; Alice stays as created).
  let targetId = "";
  let berthaId = "";

  beforeAll(async () => {
    api = await openTestApi(engine);
    a = await api.createWorkspace();
    b = await api.createWorkspace();
    for (const role of roles) {
      const created = await createApiToken(a.ctx, { repositories: api.repositories }, { kind: "api", name: `role ${role}`, role });
      roleTokens.set(role, created.secret);
    }
    aliceId = (await api.createCustomer(a, { kind: "person", name: "Alice Anders", email: "alice@a.example", phone: "+44 20 7946 0101", externalId: "A-1" })).id;
    targetId = (await api.createCustomer(a, { kind: "person", name: "Tara Target", email: "tara@a.example" })).id;
    berthaId = (await api.createCustomer(b, { kind: "person", name: secretName, email: secretEmail, phone: "+33 1 23 45 67 89", externalId: secretExternalId })).id;
    await api.addOrders(b, berthaId, [{ ordered_at: "2025-01-02T00:00:00Z", total: "99.5" }]);
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json<OpenApiDocument>();
    ops = operationsOf(doc);
  });
  afterAll(async () => {
    await api.close();
    console.log(
      `[security ${engine}] routes × roles checked: ${figures.routeRoleChecks} (403) + ${figures.anonymousChecks} anonymous (401); ` +
        `injection payloads tried: ${figures.injectionRequests}; cross-workspace probes: ${figures.crossWorkspaceProbes}; all refused. ` +
        `${figures.auditReads} unmasked reads → ${figures.auditRows} audit rows.`,
    );
  });

  const inject = (op: Operation, options: { token?: string | null; id?: string; body?: unknown; query?: string; headers?: Record<string, string> }) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = op.auth === "write_key" ? `Basic ${Buffer.from(`${options.token}:`).toString("base64")}` : `Bearer ${options.token}`;
    const url = urlOf(op, () => options.id ?? targetId) + (options.query ?? "");
    const body = options.body ?? (op.body ? exampleOf(op.body) : undefined);
    if (body === undefined) return api.app.inject({ method: op.method, url, headers });
    return api.app.inject({ method: op.method, url, headers: { ...headers, "content-type": "application/json" }, payload: JSON.stringify(body) });
  };

  it("refuses every authenticated route to an anonymous caller (401)", async () => {
    const secured = ops.filter((op) => op.auth !== "none");
    expect(secured.length).toBeGreaterThan(10);
    for (const op of secured) {
      const res = await inject(op, { token: null });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      figures.anonymousChecks++;
    }
  });

  it("refuses every route to each role without its permission (403), as declared by x-permission", async () => {
    // Every Bearer route but the caller's own session declares its permission, so none escapes this check.
    const undeclared = ops.filter((op) => op.auth === "bearer" && op.permission === null && !op.path.startsWith("/api/session"));
    expect(undeclared.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const declared = ops.filter((op) => op.auth === "bearer" && op.permission !== null);
    expect(declared.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining(["GET /api/audit", "GET /api/tokens", "POST /api/customers/{id}/erase", "POST /api/customers/{id}/export", "POST /api/customers/{id}/consents"]),
    );
    for (const op of declared) {
      for (const role of roles) {
        if (permissionMatrix[role].includes(op.permission as Permission)) continue;
        const res = await inject(op, { token: roleTokens.get(role) ?? "" });
        expect(res.statusCode, `${role} ${op.method} ${op.path}: ${res.body}`).toBe(403);
        expect(res.json()).toMatchObject({ code: "permission_denied" });
        figures.routeRoleChecks++;
      }
    }
  });

  it("sends injection payloads through every string field of every route without a server error or a leak", async () => {
    const admin = roleTokens.get("admin") ?? "";
    const writeKey = (await createApiToken(a.ctx, { repositories: api.repositories }, { kind: "write_key", name: "probe" })).secret;
    for (const op of ops.filter((o) => o.auth !== "none" && !(o.method === "POST" && o.path.endsWith("/erase")))) {
      const token = op.auth === "write_key" ? writeKey : admin;
      const base = op.body ? (exampleOf(op.body) as Record<string, unknown>) : undefined;
      for (const payload of injectionPayloads) {
        const calls: Promise<{ statusCode: number; body: string }>[] = [];
        if (op.pathParams.length > 0) calls.push(inject(op, { token, id: payload }));
        for (const q of op.queryParams) calls.push(inject(op, { token, query: `?${encodeURIComponent(q.name)}=${encodeURIComponent(payload)}` }));
        for (const field of stringFieldsOf(op.body)) calls.push(inject(op, { token, body: withField(base ?? {}, field, payload) }));
        calls.push(inject(op, { token, headers: { "x-purpose": payload.replace(/\u0000/g, "") } }));
        for (const res of await Promise.all(calls)) {
          expect(res.statusCode, `${op.method} ${op.path} with ${JSON.stringify(payload)}: ${res.body}`).toBeLessThan(500);
          expect(res.body).not.toContain(secretEmail);
          figures.injectionRequests++;
        }
      }
    }
    const intact = await sql<{ n: number }>`select count(*) as n from customers where workspace_id = ${b.id} and email = ${secretEmail}`.execute(api.database.db);
    expect(intact.rows[0]?.n).toBe(1);
  });

  it("gives a token of workspace A nothing of workspace B through any route", async () => {
    const admin = roleTokens.get("admin") ?? "";
    for (const op of ops.filter((o) => o.auth === "bearer" && !o.path.startsWith("/api/session"))) {
      const byId = op.pathParams.length > 0 ? [inject(op, { token: admin, id: berthaId }), inject(op, { token: admin, id: secretExternalId })] : [];
      const bySearch = [inject(op, { token: admin, query: `?q=${encodeURIComponent(secretEmail)}` }), ...(op.pathParams.length > 0 ? [] : [inject(op, { token: admin })])];
      for (const [i, probe] of [...byId, ...bySearch].entries()) {
        const res = await probe;
        if (i < byId.length) expect([400, 404], `${op.method} ${op.path}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expect(res.body, `${op.method} ${op.path}`).not.toMatch(new RegExp(`${secretName}|${secretEmail}`, "i"));
        figures.crossWorkspaceProbes++;
      }
    }
    // And B's data is all still there, unchanged by A's probes.
    const theirs = await api.call(b, "GET", `/api/customers/${berthaId}`);
    expect(theirs.json()).toMatchObject({ customer: { name: secretName, email: secretEmail } });
  });

  it("writes exactly one audit row per read of unmasked personal data, and none for masked reads", async () => {
    const admin: TestWorkspace = { ...a, token: roleTokens.get("admin") ?? "" };
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*) as n from audit_log where workspace_id = ${a.id} and customer_id = ${aliceId} and action = 'personal_data.read'`.execute(
          api.database.db,
        )
      ).rows[0]?.n ?? 0;
    const before = await count();
    const reads = 7;
    for (let i = 0; i < reads; i++) {
      const res = await api.call(admin, "GET", `/api/customers/${aliceId}`, undefined, { "x-purpose": "service" });
      expect(res.json()).toMatchObject({ customer: { email: "alice@a.example" } });
    }
    const masked = await api.call(admin, "GET", `/api/customers/${aliceId}`, undefined, { "x-purpose": "" });
    expect(masked.json()).toMatchObject({ customer: { name: "A*** A***", email: "a***@a***.example", phone: "+44 *** *** 01" } });
    const analyst = await api.call({ ...a, token: roleTokens.get("analyst") ?? "" }, "GET", `/api/customers/${aliceId}`, undefined, { "x-purpose": "service" });
    expect(analyst.json()).toMatchObject({ customer: { email: "a***@a***.example" } });
    const rows = (await count()) - before;
    expect(rows).toBe(reads);
    figures.auditReads += reads;
    figures.auditRows += rows;
    const trail = await api.call(admin, "GET", `/api/audit?customer=${aliceId}&action=personal_data.read&limit=3`);
    expect(trail.json<{ items: unknown[] }>().items[0]).toMatchObject({ customer_id: aliceId, fields: ["name", "email", "phone"], purpose: "service" });
  });
});

function withField(base: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [head, tail] = path.split(".", 2) as [string, string | undefined];
  if (tail === undefined) return { ...base, [head]: value };
  const inner = typeof base[head] === "object" && base[head] !== null ? (base[head] as Record<string, unknown>) : {};
  return { ...base, [head]: { ...inner, [tail]: value } };
}
