import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, openTestDatabase, type Database } from "@tenure/storage";
import type { CliIo } from "../../cli-context.ts";
import { runFeedbackImport } from "./feedback-command.ts";

describe("tenure feedback import (runFeedbackImport)", () => {
  let database: Database;
  const dir = mkdtempSync(join(tmpdir(), "tenure-feedback-"));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, cwd: dir };

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    await database.db.insertInto("workspaces").values({ id: "ws_demo", name: "Demo", slug: "demo", settings: {}, default_currency: "USD" }).execute();
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("names the line and column of every refused line and stores nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "source,text,language\ncomplaint,Late parcel,en\nemail,Hello,en\nsocial,Отлично,xx\n");
    await expect(runFeedbackImport(createRepositories(database), { file }, io)).rejects.toMatchObject({ code: "feedback_import_refused" });
    expect(err).toEqual([
      'line 3, column source: source: one of survey, complaint, contact_centre, social, other, got "email"',
      'line 4, column language: language: one of en, ja, zh, ru (or a tag of one, e.g. ja-JP), got "xx"',
    ]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from feedback_items`.execute(database.db);
    expect(rows.rows).toEqual([{ n: 0 }]);
  });

  it("imports and counts duplicates on a second run", async () => {
    const file = join(dir, "ok.csv");
    writeFileSync(file, "source,text,language,external_id\ncomplaint,The invoice was wrong,en,t1\ncontact_centre,配送が遅い,ja,t2\n");
    expect(await runFeedbackImport(createRepositories(database), { file }, io)).toEqual({ ok: true, imported: 2, duplicates: 0 });
    expect(out.at(-1)).toBe('Imported 2 feedback items into "demo" (0 already imported).');
    expect(await runFeedbackImport(createRepositories(database), { file }, io)).toEqual({ ok: true, imported: 0, duplicates: 2 });
  });
});
