#!/usr/bin/env node
// Entry point of `npx tenure` and `npm start`. It runs the bundle built by
// `npm run build` (apps/cli/dist/, scripts/build-bundle.mjs) while that is
// newer than every source file it was built from; otherwise (no bundle, a
// source edited since, or TENURE_FROM_SOURCE=1) it registers tsx's ESM hooks
// and runs the TypeScript from source (docs/decisions/0002 and 0006).
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

await runCli();

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
