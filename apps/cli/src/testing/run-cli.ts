import type { Environment } from "@tenure/shared";
import { main } from "../main.ts";

export interface CliRun {
  exitCode: number;
  stdout: string[];
  stderr: string[];
}

/** Run the CLI in-process with `env` as its whole environment, capturing its lines. */
export async function runCli(argv: readonly string[], env: Environment = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), env, cwd: "/nonexistent-cwd" });
  return { exitCode, stdout, stderr };
}
