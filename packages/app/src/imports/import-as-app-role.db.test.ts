import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, type RequestContext } from "@tenure/shared";
import { adminQuery, createDatabase, createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { importFile } from "./import-file.ts";

// The first 300 lines of the Online Retail extract (UCI dataset 352; see packages/storage/test-fixtures/README.md).
const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../storage/test-fixtures/online-retail-extract.csv"), "utf8").split("\n").slice(0, 301).join("\n");

/**
 * A deployment's application role owns no superuser rights: the import must
 * not use what only a superuser may (session_replication_role) and still
 * store, count and re-import the same way.
 */
describe.each(testEngines())("importFile as an application role that is not a superuser, on %s", (engine) => {
  const role = `tenure_app_${randomBytes(4).toString("hex")}`;
  let owner: Database;
  /** The same database, reached as the application role. */
  let app: Database;
  let serverUrl = "";

  beforeAll(async () => {
    owner = await openTestDatabase(engine);
    const grants = [
      `create role ${role} login`,
      `grant usage on schema public to ${role}`,
      `grant select, insert, update, delete on all tables in schema public to ${role}`,
      `grant usage on all sequences in schema public to ${role}`,
    ];
    if (owner.pglite) {
      // PGlite is embedded (no server files to protect); its COPY FROM '/dev/blob' counts as reading one.
      for (const statement of [...grants, `grant pg_read_server_files to ${role}`]) await owner.pglite.exec(statement);
      await owner.pglite.exec(`set role ${role}`);
      app = owner;
      return;
    }
    serverUrl = process.env.TEST_DATABASE_URL ?? "";
    const [{ name } = { name: "" }] = (await sql<{ name: string }>`select current_database() as name`.execute(owner.db)).rows;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await adminQuery(serverUrl, grants[0] ?? "");
    for (const statement of grants.slice(1)) await adminQuery(url.toString(), statement);
    url.username = role;
    app = await createDatabase({ url: url.toString(), poolSize: 2 });
  });

  afterAll(async () => {
    if (app !== owner) await app.close();
    await owner.close();
    if (serverUrl !== "") await adminQuery(serverUrl, `drop role if exists ${role}`);
  });

  it("imports, counts and re-imports the Online Retail extract", async () => {
    const superuser = await sql<{ on: string }>`select current_setting('is_superuser') as on`.execute(app.db);
    expect(superuser.rows[0]?.on).toBe("off");
    const workspaceId = newId("workspace");
    await app.db.insertInto("workspaces").values({ id: workspaceId, name: "App role", slug: workspaceId, settings: {} }).execute();
    const ctx: RequestContext = { workspaceId, actorId: "usr_test", role: "admin", purpose: null, requestId: "req" };
    const run = async () => {
      const result = await importFile(ctx, { repositories: createRepositories(app) }, {
        entity: null,
        preset: "online-retail",
        source: Readable.from([Buffer.from(fixture)]),
        workspaceCurrency: "GBP",
        batchSize: 100,
      });
      return Object.fromEntries(result.counts.map((c) => [c.entity, [c.inserted, c.updated, c.unchanged]]));
    };
    const first = await run();
    expect(first["order-lines"]).toEqual([300, 0, 0]);
    const lines = await app.db.selectFrom("order_lines").select((eb) => eb.fn.countAll<number>().as("n")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(lines.n).toBe(300);
    const again = await run();
    expect(again["order-lines"]).toEqual([0, 0, 300]);
    expect(again.orders).toEqual([0, 0, first.orders?.[0]]);
  });
});
