import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@tenure/shared";
import { createDatabase } from "./create-database.ts";

// PGlite only: a server database has no data directory of ours to guard.
describe("an embedded data directory opened by one process at a time", () => {
  const root = mkdtempSync(join(tmpdir(), "tenure-lock-"));
  const dataDir = join(root, "pglite");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("refuses a second opener while the first has it open, naming the holder, and frees it on close", async () => {
    const first = await createDatabase({ dataDir });
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    const second = await createDatabase({ dataDir }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect(second).toMatchObject({ code: "database_in_use", category: "conflict", details: { pid: process.pid } });
    expect((second as AppError).message).toContain(`in use by another Tenure process (pid ${process.pid})`);
    expect((await first.pglite?.query<{ one: number }>("select 1 as one"))?.rows).toEqual([{ one: 1 }]); // the first is unharmed
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await createDatabase({ dataDir });
    await again.close();
  });

  it("takes over a lock left by a process that no longer runs, or by an earlier process with this one's id", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    // The second: this process's id, written before it started (a container's server is pid 1 after each restart).
    for (const pid of [gone, String(process.pid)]) {
      writeFileSync(`${dataDir}.lock`, pid);
      const database = await createDatabase({ dataDir });
      expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
      await database.close();
    }
  });

  it.skipIf(!existsSync("/proc/1/stat"))("judges a running process's lock by when it started: held if before the lock was written, taken over if after", async () => {
    writeFileSync(`${dataDir}.lock`, "1"); // pid 1 started at boot, before this lock was written
    await expect(createDatabase({ dataDir })).rejects.toMatchObject({ code: "database_in_use", details: { pid: 1 } });
    utimesSync(`${dataDir}.lock`, new Date(0), new Date(0)); // as if written in 1970: pid 1 is a later process with the same id
    const database = await createDatabase({ dataDir });
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await database.close();
  });
});
