import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** One file of the built web app, held in memory with its gzip form when that is smaller. */
export interface WebAsset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  etag: string;
  /** Hashed file names under assets/ never change: cache them for a year. */
  immutable: boolean;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Where apps/web's build lands. TENURE_WEB_DIST overrides it (a packaged
 * server whose files sit elsewhere); otherwise apps/web/dist found from this
 * file (source or bundle), or under the working directory.
 */
export function webDistDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TENURE_WEB_DIST) return resolve(env.TENURE_WEB_DIST);
  const here = dirname(fileURLToPath(import.meta.url));
  // From source (apps/server/src/routes/web) or from the bundle (apps/cli/dist).
  const candidates = [resolve(here, "../../../../web/dist"), resolve(here, "../../web/dist")];
  return candidates.find((dir) => existsSync(join(dir, "index.html"))) ?? resolve(process.cwd(), "apps/web/dist");
}

/** Every file of `directory` keyed by its URL path ("/index.html", "/assets/…"); null when there is no build. */
export function loadWebAssets(directory: string): Map<string, WebAsset> | null {
  if (!existsSync(join(directory, "index.html"))) return null;
  const assets = new Map<string, WebAsset>();
  for (const file of walk(directory)) {
    const body = readFileSync(file);
    const path = `/${relative(directory, file).split(sep).join("/")}`;
    const type = types[extname(file).toLowerCase()] ?? "application/octet-stream";
    const compressible = /^(text\/|image\/svg|application\/json)/.test(type);
    const gzip = compressible ? gzipSync(body, { level: 9 }) : null;
    assets.set(path, {
      body,
      gzip: gzip && gzip.length < body.length ? gzip : null,
      type,
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
      immutable: path.startsWith("/assets/"),
    });
  }
  return assets;
}

function* walk(directory: string): Generator<string> {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
