/**
 * Start-up figures of `npm start` on embedded PGlite: the first start (fresh
 * data directory: create the database, migrate, generate and load the demo
 * workspace, listen) and a restart on the existing directory, each timed from
 * spawning `node bin/tenure.mjs serve` until GET /healthz answers 200.
 * Baselines, measured in the same run: opening the same PGlite data directory
 * alone (PGlite.create + select 1), in this process; and a restart from the
 * TypeScript sources through tsx (TENURE_FROM_SOURCE=1) next to the restarts
 * from the bundle (run `npm run build` first; without a bundle every row runs from source).
 * Each start also prints the CPU time the server used until ready (Linux):
 * on a loaded machine the wall time mostly measures the load, the CPU time
 * hardly moves.
 *
 * Run: node --import tsx bench/startup.bench.ts
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

const bin = fileURLToPath(new URL("../bin/tenure.mjs", import.meta.url));
const bundle = fileURLToPath(new URL("../apps/cli/dist/tenure.mjs", import.meta.url));
const FIRST_START_TARGET_S = 30;
const RESTART_TARGET_S = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A start: wall seconds from spawn to a 200 from /healthz, and the CPU seconds the server process used until then. */
interface Start {
  seconds: number;
  /** From /proc (Linux); null elsewhere. Hardly moves when other work loads the machine, unlike `seconds`. */
  cpuSeconds: number | null;
}

/** CPU time (user + system) of a process so far, in seconds, from /proc; null where there is none. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms; the name (field 2) may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Start the server, time it until /healthz answers 200, then stop it with SIGINT. */
async function timeStart(dataDir: string, env: Record<string, string> = {}): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { PATH: process.env.PATH ?? "", TENURE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsOf(child.pid) };
      if (performance.now() - started > 300_000) throw new Error(`no answer after 300 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill("SIGINT");
    await exited;
  }
}

async function timeOpenAlone(dir: string): Promise<number> {
  const started = performance.now();
  const db = await PGlite.create({ dataDir: dir });
  await db.query("select 1");
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return seconds;
}

const dataDir = mkdtempSync(join(tmpdir(), "tenure-bench-"));
try {
  const first = await timeStart(dataDir);
  const restart = await timeStart(dataDir);
  const restart2 = await timeStart(dataDir);
  // Twice: the first run after a change pays tsx's transpile; the second is the warm baseline.
  await timeStart(dataDir, { TENURE_FROM_SOURCE: "1" });
  const fromSource = await timeStart(dataDir, { TENURE_FROM_SOURCE: "1" });
  const baseline = await timeOpenAlone(join(dataDir, "pglite"));
  const fmt = (s: number): string => `${s.toFixed(2)} s`;
  const show = (start: Start): string => `${fmt(start.seconds)}${start.cpuSeconds === null ? "" : ` (CPU ${fmt(start.cpuSeconds)})`}`;
  const cpuRatio = (a: Start, b: Start): string => (a.cpuSeconds !== null && b.cpuSeconds !== null ? `, CPU ${(a.cpuSeconds / b.cpuSeconds).toFixed(2)} ×` : "");
  const { loadavg } = await import("node:os");
  console.log(`load average ${loadavg()[0]?.toFixed(1)}; bundle ${existsSync(bundle) ? "present" : "absent (npm run build): every row runs from source"}`);
  console.log(`baseline  PGlite.create + select 1 on the data directory: ${fmt(baseline)}`);
  console.log(`baseline  restart from source through tsx (warm cache):   ${show(fromSource)}  = ${(fromSource.seconds / baseline).toFixed(1)} × PGlite open`);
  console.log(`first start (create, migrate, demo, listen):          ${show(first)}  = ${(first.seconds / baseline).toFixed(1)} × baseline  (target ≤ ${FIRST_START_TARGET_S} s: ${first.seconds <= FIRST_START_TARGET_S ? "met" : "MISSED"})`);
  for (const [n, s] of [restart, restart2].entries()) {
    console.log(
      `restart ${n + 1} on the existing directory:                 ${show(s)}  = ${(s.seconds / baseline).toFixed(1)} × baseline, ${(s.seconds / fromSource.seconds).toFixed(2)} × from source${cpuRatio(s, fromSource)}  (target ≤ ${RESTART_TARGET_S} s: ${s.seconds <= RESTART_TARGET_S ? "met" : "MISSED"})`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
