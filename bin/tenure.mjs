#!/usr/bin/env node
// Entry point of `npx tenure` and `npm start`. It runs the bundle built by
// `npm run build` (apps/cli/dist/, scripts/build-bundle.mjs) while that is
// newer than every source file it was built from; otherwise (no bundle, a
// source edited since, or TENURE_FROM_SOURCE=1) it registers tsx's ESM hooks
// and runs the TypeScript from source (docs/decisions/0002 and 0006).
// `tenure import` runs in a child Node with a larger young generation (below).
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const dist = new URL("apps/cli/dist/", root);

/** True when the bundle exists and no file it was built from changed (or vanished) since. */
function bundleIsCurrent() {
  if (process.env.TENURE_FROM_SOURCE === "1") return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("manifest.json", dist), "utf8"));
  } catch {
    return false;
  }
  return manifest.inputs.every((input) => {
    const stat = statSync(new URL(input, root), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs < manifest.builtAtMs;
  });
}

/**
 * An import allocates short-lived strings and arrays for every line: with
 * Node's default 16 MB semi-spaces about 40% of its CPU went to garbage
 * collection, and 64 MB semi-spaces cut its CPU by a fifth (bench/import.bench.ts).
 * V8 only sizes them at start-up, so `import` runs this entry again in a child
 * Node started with the flag (once: TENURE_NODE_FLAGS marks the child), with
 * the same stdin/stdout/stderr; its exit code, or the signal that ended it, is
 * this process's. Signals sent to this process only are passed on; a terminal's
 * Ctrl-C reaches both. Other commands run here directly.
 */
const importNodeFlags = ["--max-semi-space-size=64"];

function runImportInChild() {
  const child = spawn(process.execPath, [...process.execArgv, ...importNodeFlags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, TENURE_NODE_FLAGS: importNodeFlags.join(" ") },
  });
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];
  const forward = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  child.on("error", (error) => {
    console.error(`tenure: could not start the import: ${error.message}`);
    process.exitCode = 1;
  });
  child.on("exit", (code, signal) => {
    for (const name of signals) process.off(name, forward);
    if (signal !== null) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}

if (process.argv[2] === "import" && process.env.TENURE_NODE_FLAGS === undefined) {
  runImportInChild();
} else {
  await runCli();
}

async function runCli() {
  let entry = new URL("tenure.mjs", dist);
  if (!bundleIsCurrent()) {
    const { register } = await import("tsx/esm/api");
    register();
    entry = new URL("apps/cli/src/main.ts", root);
  }
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
}
