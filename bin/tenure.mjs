#!/usr/bin/env node
// Entry point of `npx tenure` and `npm start`. Tenure runs its TypeScript
// from source (docs/decisions/0002-run-typescript-from-source.md): tsx's ESM
// hooks are registered in this process, then the CLI is imported.
import { register } from "tsx/esm/api";

register();
const { main } = await import(new URL("../apps/cli/src/main.ts", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
