import type { Problem } from "@tenure/api-schemas";
import { ApiError } from "./api-error.ts";
import { readCsrfToken } from "./csrf-token.ts";

export type Purpose = "service" | "sales" | "marketing" | "analytics" | "billing";
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Query;
  /** Sent as JSON; FormData is sent as multipart. */
  body?: unknown;
  /** X-Purpose: why personal data is read (reveal, export); audited by the server. */
  purpose?: Purpose;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const listeners = new Set<() => void>();

/** Called whenever the server answers 401: the session ended. */
export function onUnauthenticated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** "/api/customers" + { q: "ab", limit: 50 } → "/api/customers?q=ab&limit=50"; empty values are left out. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The raw response of an API call (for files: CSV, PDF). Throws ApiError unless 2xx. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json, application/problem+json", ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "GET") {
    const csrf = readCsrfToken();
    if (csrf) headers["x-csrf-token"] = csrf;
  }
  if (options.purpose) headers["x-purpose"] = options.purpose;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: "same-origin", signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  const problem = await readProblem(response);
  if (response.status === 401) for (const listener of listeners) listener();
  throw new ApiError(response.status, problem, problem?.detail ?? `${response.status} ${response.statusText}`);
}

/** Call the API and parse its JSON answer (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return null;
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}
