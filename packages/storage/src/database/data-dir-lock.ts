import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { AppError } from "@tenure/shared";

/** Lock files this process holds: a lock naming this process's id is only ours if it is here (ids are reused, e.g. pid 1 in a container). */
const held = new Set<string>();

/** Held while a process has an embedded database's data directory open. */
export interface DataDirLock {
  release(): void;
}

/**
 * PGlite keeps a data directory open in one process only: a second process
 * opening it (a CLI command while the server runs) works on its own copy of
 * the pages, its writes are lost or overwrite the first's, and the files can
 * end up corrupt. So opening takes a lock file beside the directory
 * (`<dir>.lock`, holding the process id), and a second opener is refused
 * with a clear error instead. A lock left by a process that no longer runs
 * (killed, crashed) is taken over, and so is one whose process id now
 * belongs to a process started after the lock was written (ids are reused
 * after a restart, as a container's server is pid 1 each time).
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return {
        release() {
          held.delete(path);
          if (holder(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
      const pid = holder(path);
      if (pid !== null && holds(pid, path)) {
        throw new AppError(
          "database_in_use",
          "conflict",
          `The embedded database in ${dataDir} is in use by another Tenure process (pid ${pid}), such as a running server. ` +
            "Stop that process first, or, while the server runs, do this through it (API tokens: the web app's Administration page). " +
            `A PostgreSQL server (DATABASE_URL) can be used by several processes at once. (If no Tenure process uses it, delete ${path}.)`,
          { pid, path },
        );
      }
      unlinkIfPresent(path); // left by a process that is gone
    }
  }
  throw new AppError("database_in_use", "conflict", `Could not take the lock ${path} on the embedded database`, { path });
}

function holder(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether the process `pid` written in the lock at `path` still holds it. */
function holds(pid: number, path: string): boolean {
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (!isCode(error, "EPERM")) return false; // EPERM: alive, another user's
  }
  const started = processStartMs(pid);
  return started === null || started <= statSync(path).mtimeMs + 1000;
}

/** When process `pid` started, in ms since the epoch (Linux /proc; null elsewhere or when unreadable). */
function processStartMs(pid: number): number | null {
  try {
    const ticks = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[19]); // field 22: starttime
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
