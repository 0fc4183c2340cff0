import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportPreviewJson, ImportRunJson, Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { buildApp } from "../../build-app.ts";
import type { ApiServer } from "../../http/api-server.ts";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

const customersCsv = ["Customer No,Full Name,email,country,Segment", "C-1,Ada Lovelace,ada@example.com,GB,gold", "C-2,Bo Bell,not-an-email,FR,silver", "C-3,Cy Chan,cy@example.com,Japan,gold", ""].join("\n");
const map = JSON.stringify({ "Customer No": "external_id", "Full Name": "name", Segment: "attributes.segment" });

describe.each(testEngines())("import API on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let small: ApiServer;

  const upload = (app: ApiServer, as: TestWorkspace, url: string, body: string, contentType = "text/csv") =>
    app.inject({ method: "POST", url, headers: { authorization: `Bearer ${as.token}`, "content-type": contentType }, payload: body });
  const get = (as: TestWorkspace, url: string) => api.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${as.token}` } });

  /** Poll the run until it has finished (the import runs after the 202). */
  async function finished(as: TestWorkspace, id: string): Promise<ImportRunJson> {
    for (;;) {
      const run = (await get(as, `/api/imports/${id}`)).json<ImportRunJson>();
      if (run.status !== "running") return run;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    other = await api.createWorkspace();
    small = await buildApp({ repositories: api.repositories, limits: { importBytes: 64 } });
    await small.ready();
  });
  afterAll(async () => {
    await small?.close();
    await api?.close();
  });

  it("previews the first rows and the proposed mapping, naming a missing required column", async () => {
    const res = await upload(api.app, ws, `/api/imports/preview?entity=customers&map=${encodeURIComponent(map)}`, customersCsv);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<ImportPreviewJson>();
    expect(preview.header).toEqual(["Customer No", "Full Name", "email", "country", "Segment"]);
    expect(preview.rows).toHaveLength(3);
    expect(preview.rows[1]).toEqual(["C-2", "Bo Bell", "not-an-email", "FR", "silver"]);
    expect(preview.mapping).toEqual({ "Customer No": "external_id", "Full Name": "name", email: "email", country: "country", Segment: "attributes.segment" });
    expect(preview.problems).toEqual([]);
    expect(preview.fields.find((f) => f.name === "external_id")).toMatchObject({ required: true });

    const unmapped = (await upload(api.app, ws, "/api/imports/preview?entity=customers", customersCsv)).json<ImportPreviewJson>();
    expect(unmapped.mapping["Customer No"]).toBeNull();
    expect(unmapped.problems.join(" ")).toContain("missing required column external_id");
  });

  it("imports a file, counts what it did, and serves the rejected rows as CSV", async () => {
    const res = await upload(api.app, ws, `/api/imports?entity=customers&file_name=crm.csv&map=${encodeURIComponent(map)}`, customersCsv);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<ImportRunJson>();
    expect(started).toMatchObject({ entity: "customers", file_name: "crm.csv", bytes_total: Buffer.byteLength(customersCsv) });
    const run = await finished(ws, started.id);
    expect(run).toMatchObject({ status: "succeeded", rows_read: 3, rejected: 1, error: null, refit: null });
    expect(run.counts).toEqual([{ entity: "customers", inserted: 2, updated: 0, unchanged: 0 }]);

    const errors = await get(ws, `/api/imports/${started.id}/errors.csv`);
    expect(errors.statusCode).toBe(200);
    expect(errors.headers["content-type"]).toContain("text/csv");
    const lines = errors.body.trim().split("\r\n");
    expect(lines[0]).toBe("line,column,value,reason,Customer No,Full Name,email,country,Segment");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^3,email,not-an-email,.+,C-2,Bo Bell,not-an-email,FR,silver$/);

    const stored = await api.call(ws, "GET", "/api/customers?q=C-3");
    expect(stored.json<{ items: Array<{ name: string; country: string }> }>().items[0]).toMatchObject({ name: "Cy Chan", country: "JP" });
    expect((await get(ws, "/api/imports")).json<{ items: ImportRunJson[] }>().items.map((r) => r.id)).toContain(started.id);

    // The audit trail keeps who imported what, after the run itself is forgotten.
    const audit = (await get(ws, "/api/audit?action=import.run")).json<{ items: Array<{ details: Record<string, unknown> }> }>();
    expect(audit.items.map((a) => a.details)).toContainEqual({
      entity: "customers",
      preset: null,
      file_name: "crm.csv",
      rows_read: 3,
      rejected: 1,
      counts: { customers: { inserted: 2, updated: 0, unchanged: 0 } },
    });
  });

  it("takes an upload streamed over a real connection", async () => {
    const address = await small.listen({ port: 0, host: "127.0.0.1" });
    const res = await fetch(`${address}/api/imports/preview?entity=customers`, { method: "POST", headers: { authorization: `Bearer ${ws.token}`, "content-type": "text/csv" }, body: "external_id\nsock-1\n" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportPreviewJson).rows).toEqual([["sock-1"]]);
  });

  it("stores nothing when the columns do not fit, and says why in the run", async () => {
    const started = (await upload(api.app, ws, "/api/imports?entity=orders", "order,when\no1,2025-01-01\n")).json<ImportRunJson>();
    const run = await finished(ws, started.id);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ code: "import_header_invalid" });
    expect(run.error?.message).toContain("missing required column external_id");
  });

  it("imports an Online Retail file with the preset (read on the import's worker thread) and serves its rejected line", async () => {
    const retail = [
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
      "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
      "536365,71053,WHITE METAL LANTERN,six,12/1/2010 8:26,3.39,17850.0,United Kingdom",
      "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527.0,United Kingdom",
      "",
    ].join("\n");
    const started = (await upload(api.app, ws, "/api/imports?preset=online-retail&file_name=retail.csv", retail)).json<ImportRunJson>();
    const run = await finished(ws, started.id);
    expect(run).toMatchObject({ status: "succeeded", rows_read: 3, rejected: 1, error: null });
    expect(run.counts).toEqual([
      { entity: "customers", inserted: 2, updated: 0, unchanged: 0 },
      { entity: "products", inserted: 2, updated: 0, unchanged: 0 },
      { entity: "orders", inserted: 2, updated: 0, unchanged: 0 },
      { entity: "order-lines", inserted: 2, updated: 0, unchanged: 0 },
    ]);
    const errors = (await get(ws, `/api/imports/${started.id}/errors.csv`)).body.trim().split("\r\n");
    expect(errors[1]).toMatch(/^3,Quantity,six,.+,536365,71053,WHITE METAL LANTERN,six,/);
  });

  it("refuses a file over the size limit with 413 before importing anything", async () => {
    const res = await upload(small, ws, "/api/imports?entity=customers", "external_id,name\n" + "x-1,Someone with a long name\n".repeat(5));
    expect(res.statusCode).toBe(413);
    expect(res.json<Problem>()).toMatchObject({ code: "payload_too_large", field: "body" });
    expect((await api.call(ws, "GET", "/api/customers?q=x-1")).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("asks for a file, an entity and a known time zone", async () => {
    const json = await api.app.inject({ method: "POST", url: "/api/imports?entity=customers", headers: { authorization: `Bearer ${ws.token}`, "content-type": "application/json" }, payload: "{}" });
    expect(json.json<Problem>()).toMatchObject({ status: 400, field: "body" });
    expect((await upload(api.app, ws, "/api/imports", customersCsv)).json<Problem>()).toMatchObject({ status: 400, field: "entity" });
    expect((await upload(api.app, ws, "/api/imports?entity=customers&timezone=Mars/Olympus", customersCsv)).json<Problem>()).toMatchObject({ status: 400, field: "timezone" });
    expect((await upload(api.app, ws, "/api/imports?entity=customers&map=%7Bx", customersCsv)).json<Problem>()).toMatchObject({ status: 400, field: "map" });
  });

  it("keeps a workspace's imports from another workspace", async () => {
    const started = (await upload(api.app, ws, "/api/imports?entity=customers", "external_id\nz-1\n")).json<ImportRunJson>();
    await finished(ws, started.id);
    expect((await get(other, `/api/imports/${started.id}`)).statusCode).toBe(404);
    expect((await get(other, `/api/imports/${started.id}/errors.csv`)).statusCode).toBe(404);
    expect((await get(other, "/api/imports")).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
