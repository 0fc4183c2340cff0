import { Readable } from "node:stream";
import { getImportRunOrThrow, ImportRuns, listImportRuns, previewImport, readImportErrorsOrThrow, startHttpImport } from "@tenure/app";
import { importIdParamsSchema, importPreviewSchema, importQuerySchema, importRunListSchema, importRunSchema, problemSchema } from "@tenure/api-schemas";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { importOptionsOf, limitedTo, uploadStreamOf } from "./import-options.ts";
import { toImportRunJson } from "./import-run-json.ts";
import { receiveImportUpload, tooLarge } from "./import-upload-files.ts";

/** Content types a file upload may declare; the body is read as a stream, never parsed whole. */
const fileTypes = ["text/csv", "text/tab-separated-values", "text/plain", "application/gzip", "application/x-gzip", "application/octet-stream"];
const defaultImportBytes = 256 * 1024 * 1024;
/** The web app previews the first 64 KB of a file; a preview reads at most this much. */
const previewBytes = 1024 * 1024;
const tooLargeResponse = { 413: problemSchema.describe("The file is over the size limit (code payload_too_large); nothing was stored") };

/**
 * File imports over HTTP: preview a file's first rows and column mapping,
 * upload a file to import (202, then poll), list recent imports, fetch the
 * rejected rows as CSV. The import itself is the CLI's importFile.
 */
export async function importRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  const runs = new ImportRuns();
  const maxBytes = deps.limits?.importBytes ?? defaultImportBytes;
  app.addHook("onClose", () => runs.close());

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(fileTypes, (_request, payload, done) => done(null, payload));

    scope.post(
      "/api/imports/preview",
      {
        schema: {
          tags: ["imports"],
          summary: "Preview a file: its first rows and how each column would be read",
          description: `Send the start of the file as the body (Content-Type text/csv; at most ${previewBytes / 1024} KB are read). Stores nothing.`,
          ...routePermission("imports.run"),
          querystring: importQuerySchema,
          response: { 200: importPreviewSchema, ...problemResponses, ...tooLargeResponse },
        },
      },
      async (request) => {
        const options = importOptionsOf(request.query);
        const preview = await previewImport(requestContext(request), deps, { ...options, source: limitedTo(request.body, previewBytes) });
        return {
          header: [...preview.header],
          delimiter: preview.delimiter,
          rows: preview.rows.map((r) => [...r]),
          fields: [...preview.fields],
          json_field: preview.jsonField,
          mapping: { ...preview.mapping },
          problems: [...preview.problems],
        };
      },
    );

    scope.post(
      "/api/imports",
      {
        schema: {
          tags: ["imports"],
          summary: "Import a CSV/TSV file (optionally gzip): answers 202 with the run to poll",
          description:
            `Send the file as the body (Content-Type text/csv, text/tab-separated-values or application/gzip), at most ${maxBytes} bytes (413 payload_too_large above). ` +
            "The file is received whole, then imported in one transaction as `tenure import` does (docs/importing.md); poll GET /api/imports/{id}, fetch rejected rows at GET /api/imports/{id}/errors.csv.",
          ...routePermission("imports.run"),
          querystring: importQuerySchema,
          response: { 202: importRunSchema, ...problemResponses, ...tooLargeResponse },
        },
      },
      async (request, reply) => {
        const options = importOptionsOf(request.query);
        const run = await startHttpImport(requestContext(request), { ...deps, runs }, {
          ...options,
          // Called after the permission check: a declared size over the limit is refused before a byte is read.
          receive: () => {
            if (Number(request.headers["content-length"] ?? "0") > maxBytes) throw tooLarge(maxBytes);
            return receiveImportUpload(uploadStreamOf(request.body), maxBytes);
          },
          onUnexpected: (error) => request.log.error({ err: error }, "import failed unexpectedly"),
        });
        return reply.code(202).send(toImportRunJson(run));
      },
    );
  });

  app.get(
    "/api/imports",
    {
      schema: {
        tags: ["imports"],
        summary: "Recent imports of the workspace run through this server, newest first",
        ...routePermission("imports.run"),
        response: { 200: importRunListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: listImportRuns(requestContext(request), runs).map(toImportRunJson) }),
  );

  app.get(
    "/api/imports/:id",
    {
      schema: {
        tags: ["imports"],
        summary: "One import: progress while it runs, counts or the error when done",
        ...routePermission("imports.run"),
        params: importIdParamsSchema,
        response: { 200: importRunSchema, ...problemResponses },
      },
    },
    async (request) => toImportRunJson(getImportRunOrThrow(requestContext(request), runs, request.params.id)),
  );

  app.get(
    "/api/imports/:id/errors.csv",
    {
      schema: {
        tags: ["imports"],
        summary: "The rejected rows of an import as CSV: line, column, value, reason, then the row (whole once the import has finished)",
        ...routePermission("imports.run"),
        params: importIdParamsSchema,
        response: { 200: z.string().describe("text/csv"), ...problemResponses },
      },
    },
    async (request, reply) => {
      const errors = readImportErrorsOrThrow(requestContext(request), runs, request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.params.id.replace(/[^\w-]/g, "")}-rejected.csv"`)
        .send(csvStream(Readable.from(errors)));
    },
  );
}

/**
 * Fastify sends a stream as it is, past the response serializer; its reply
 * type only knows the documented shape (text/csv as a string), hence the cast.
 */
function csvStream(stream: Readable): string {
  return stream as unknown as string;
}
