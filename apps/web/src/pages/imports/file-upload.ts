import type { ImportPreviewJson, ImportRunJson, Problem } from "@tenure/api-schemas";
import { ApiError } from "../../api/api-error.ts";
import { apiUrl, type Query } from "../../api/client.ts";
import { readCsrfToken } from "../../api/csrf-token.ts";

/** How many bytes of a file the preview sends: enough for the header and the first rows. */
const previewBytes = 64 * 1024;

/** The Content-Type the server reads a file by (gzip is recognised by its bytes anyway). */
export function fileContentType(name: string): string {
  if (/\.gz$/i.test(name)) return "application/gzip";
  if (/\.tsv$/i.test(name)) return "text/tab-separated-values";
  return "text/csv";
}

export function isCompressed(file: File): boolean {
  return fileContentType(file.name) === "application/gzip";
}

/** The start of a text file, cut after its last whole line, for the preview. */
export async function fileStart(file: File): Promise<string> {
  const text = await file.slice(0, previewBytes).text();
  if (file.size <= previewBytes) return text;
  const end = text.lastIndexOf("\n");
  return end > 0 ? text.slice(0, end + 1) : text;
}

/** POST /api/imports/preview with the start of the file. */
export async function previewFile(file: File, query: Query): Promise<ImportPreviewJson> {
  const response = await fetch(apiUrl("/api/imports/preview", query), {
    method: "POST",
    headers: { ...unsafeHeaders(), "content-type": fileContentType(file.name) },
    body: await fileStart(file),
    credentials: "same-origin",
  }).catch((error: unknown) => {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw problemError(response.status, body);
  return body as ImportPreviewJson;
}

/**
 * POST /api/imports with the whole file. XMLHttpRequest, not fetch: only it
 * reports upload progress. Resolves with the run (202) to poll.
 */
export function uploadFile(file: File, query: Query, onProgress: (sent: number) => void): Promise<ImportRunJson> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", apiUrl("/api/imports", query));
    for (const [name, value] of Object.entries({ ...unsafeHeaders(), "content-type": fileContentType(file.name) })) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onerror = () => reject(new ApiError(0, null, "network error"));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status === 202) resolve(body as ImportRunJson);
      else reject(problemError(request.status, body));
    };
    request.send(file);
  });
}

function unsafeHeaders(): Record<string, string> {
  const csrf = readCsrfToken();
  return { accept: "application/json, application/problem+json", ...(csrf ? { "x-csrf-token": csrf } : {}) };
}

function problemError(status: number, body: unknown): ApiError {
  const problem = typeof body === "object" && body !== null && "detail" in body ? (body as Problem) : null;
  return new ApiError(status, problem, problem?.detail ?? `HTTP ${status}`);
}
