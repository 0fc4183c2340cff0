import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportSession, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { importFile } from "./import-file.ts";

const ctx: RequestContext = { workspaceId: "ws_1", actorId: "usr_1", role: "admin", purpose: null, requestId: "req" };
const file = [
  "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
  "536366,71053,WHITE METAL LANTERN,6,12/1/2010 8:28,3.39,17850.0,United Kingdom",
].join("\n");

/** An import session whose database fails at the first write. */
function failingSession() {
  const fail = () => Promise.reject(new Error("the database went away"));
  return {
    insertMissing: vi.fn(fail),
    upsert: vi.fn(fail),
    upsertReturningChanged: vi.fn(fail),
    copyNewOrderLines: vi.fn(fail),
    lookUpProducts: vi.fn(fail),
    refreshOrderTotals: vi.fn(fail),
    commit: vi.fn(() => Promise.resolve()),
    rollback: vi.fn(() => Promise.resolve()),
  } satisfies ImportSession;
}

describe("an Online Retail import whose database fails", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reports the database's error, rolls back, and stops the worker thread", async () => {
    const terminate = vi.spyOn(Worker.prototype, "terminate");
    const session = failingSession();
    const repositories = { imports: { begin: () => Promise.resolve(session), findWorkspace: () => Promise.resolve(null) } } as unknown as Repositories;
    const error = await importFile(ctx, { repositories }, { entity: null, preset: "online-retail", workspaceCurrency: "GBP", source: Readable.from([Buffer.from(file)]), batchSize: 1 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("the database went away");
    expect(session.rollback).toHaveBeenCalledTimes(1);
    expect(session.commit).not.toHaveBeenCalled();
    expect(terminate).toHaveBeenCalledTimes(1);
  });
});
