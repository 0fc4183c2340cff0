// Runs the import worker (online-retail-worker.ts) from TypeScript source,
// as tests and a `tenure` without a current bundle do: a worker thread does
// not inherit the loader hooks of the thread that started it, so it
// registers tsx's before importing the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./online-retail-worker.ts");
