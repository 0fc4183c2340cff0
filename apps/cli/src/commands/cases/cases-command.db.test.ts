import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database } from "@tenure/storage";
import type { CliIo } from "../../cli-context.ts";
import { runCaseImport } from "./cases-command.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../../../../../packages/app/src/cases/fixtures/${name}`, import.meta.url));

describe("tenure cases import-log (runCaseImport)", () => {
  let database: Database;
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, cwd: "." };

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    await database.db.insertInto("workspaces").values({ id: "ws_demo", name: "Demo", slug: "demo", settings: {} }).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it("imports the Helpdesk extract into the demo workspace and says so; a second run adds nothing", async () => {
    const repositories = createRepositories(database);
    await runCaseImport(repositories, { file: fixture("helpdesk-extract.csv"), format: "helpdesk" }, io);
    expect(out.at(-1)).toMatch(/^Imported 44 cases into "demo" in [\d.]+ s; 0 already there; 0 rows rejected\.$/);
    await runCaseImport(repositories, { file: fixture("helpdesk-extract.csv"), format: "helpdesk" }, io);
    expect(out.at(-1)).toMatch(/^Imported 0 cases into "demo" in [\d.]+ s; 44 already there;/);
  });

  it("names the missing file", async () => {
    const error = await runCaseImport(createRepositories(database), { file: "/nonexistent/cases.csv", format: null }, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.field).toBe("file");
  });
});
