#!/usr/bin/env node
// Bundles the `tenure` CLI (and with it the server) from TypeScript source
// into apps/cli/dist/, so `npm start` and `npx tenure` run plain JavaScript
// instead of transpiling through tsx on every start. Run by `npm run build`
// (and so by `npm install`); bin/tenure.mjs uses the bundle only while it is
// newer than every source file it was built from, and falls back to tsx
// otherwise. See docs/decisions/0006-server-bundle-and-token-cache.md.
//
// - Workspace packages (@tenure/*) are bundled; third-party packages stay
//   external and load from node_modules as they are.
// - Code splitting keeps the lazy `await import(…)` of the commands: `tenure
//   --help` does not load the server.
// - `import.meta.url` in a source file keeps meaning that file's URL (the
//   migrations directory and font files are found next to the sources).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}apps/cli/dist`;
const builtAtMs = Date.now();

/**
 * Third-party packages bundled too: pure JavaScript spread over many small
 * files, which Node loads one by one (kysely alone took ~0.3 s). Every other
 * package stays an import of node_modules: those that find files next to
 * their own code (PGlite's wasm, swagger-ui's assets), native ones (argon2),
 * and the rest, whose load time a bundle would not change much.
 */
const bundledPackages = /^(@tenure\/|kysely$|kysely\/|zod$|zod\/|fastify-type-provider-zod$|@stdlib\/)/;

const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (bundledPackages.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/** Rewrites `import.meta.url` in a source file to that file's own URL, relative to the output chunk. */
const sourceImportMetaUrl = {
  name: "source-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "ts" };
      const fromChunk = relative(outdir, args.path).split("\\").join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  // The import worker thread's script is an entry of its own (packages/app/src/imports/online-retail-worker-client.ts finds it).
  entryPoints: { tenure: `${root}apps/cli/src/main.ts`, "import-worker": `${root}packages/app/src/imports/online-retail-worker.ts` },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  sourcemap: "linked",
  metafile: true,
  define: { __TENURE_BUNDLE__: "true" },
  absWorkingDir: root,
  logLevel: "warning",
  plugins: [externalPackages, sourceImportMetaUrl],
});

// What the bundle was built from, relative to the repository root: the
// workspace sources and their package.json files (exports decide what a
// package name means); bundled third-party files are covered by
// package-lock.json, which every install that changes them rewrites.
const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes("node_modules/"));
const manifests = [...new Set(sources.map((input) => input.split("/").slice(0, 2).join("/")))].map((dir) => `${dir}/package.json`);
const inputs = [...sources, ...manifests, "package-lock.json"].sort();
writeFileSync(`${outdir}/manifest.json`, `${JSON.stringify({ builtAtMs, inputs }, null, 1)}\n`);
console.log(`bundled ${sources.length} source files into ${relative(root, outdir)}/ in ${Date.now() - builtAtMs} ms`);
