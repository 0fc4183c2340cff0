import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isAppError, type ErrorCategory } from "@tenure/shared";
import type { Problem } from "@tenure/api-schemas";

const statusOf: Record<ErrorCategory, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unexpected: 500,
};

const titles: Record<number, string> = {
  400: "Invalid input",
  401: "Not authenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  429: "Too many requests",
  500: "Unexpected error",
  503: "Service unavailable",
};

// Fastify's own client errors, by code, for a stable `code` in the problem.
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "invalid_content_length",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
};

/** A problem body (RFC 9457) with its status. */
export function problem(status: number, code: string, detail: string, instance: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:tenure:problem:${code}`, title: titles[status] ?? "Error", status, detail, code, ...extra, instance };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The problem for any error thrown while serving a request. AppErrors map by
 * category; schema validation failures become invalid_input naming the
 * first offending field; Fastify's client errors keep their 4xx status;
 * everything else is a 500 that says nothing about internals.
 */
export function toProblem(error: unknown, requestId: string): Problem {
  if (isAppError(error)) {
    const { field, ...rest } = error.details;
    const extra: Record<string, unknown> = field === undefined ? {} : { field };
    for (const [key, value] of Object.entries(rest)) extra[snake(key)] = value;
    return problem(statusOf[error.category], error.code, error.message, requestId, extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = "validationContext" in error && typeof error.validationContext === "string" ? error.validationContext : "body";
    const errors = error.validation.map((issue) => {
      const path = issue.instancePath.split("/").filter(Boolean);
      const keys = issue.params["keys"];
      // An unknown key is reported on its parent; name the key itself.
      if (issue.keyword === "unrecognized_keys" && Array.isArray(keys) && typeof keys[0] === "string") path.push(keys[0]);
      const field = path.join(".") || where;
      const message = issue.keyword === "unrecognized_keys" ? "unknown field" : issue.message;
      return { field, message };
    });
    const first = errors[0] ?? { field: where, message: "invalid" };
    return problem(400, "invalid_input", `${first.field}: ${first.message}`, requestId, { field: first.field, errors });
  }
  const status = statusCodeOf(error);
  if (status >= 400 && status < 500) {
    const code = fastifyCodes[fastifyCodeOf(error)] ?? "bad_request";
    const detail = error instanceof Error ? error.message : "Bad request";
    return problem(status, code, detail, requestId);
  }
  return problem(500, "unexpected", "An unexpected error occurred; quote the instance (request id) when reporting it", requestId);
}

function statusCodeOf(error: unknown): number {
  if (typeof error === "object" && error !== null && "statusCode" in error && typeof error.statusCode === "number") return error.statusCode;
  return 500;
}

function fastifyCodeOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return "";
}
