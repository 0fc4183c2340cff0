import type { FastifyServerOptions } from "fastify";

const censor = "[redacted]";

// Secrets in headers, and personal fields wherever a log call puts an object
// (one or two levels deep: pino's paths are explicit, never recursive).
const redactPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  ...["password", "secret", "token", "csrf_token", "email", "phone", "name", "address", "birth_date", "notes"].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

interface SerializableRequest {
  method: string;
  url: string;
  id: string;
  ip?: string;
}

/**
 * Logger options with secrets and personal data kept out of the logs:
 * pino redaction of auth headers and personal fields, and a request
 * serializer that logs the path and the names of query parameters but not
 * their values (`?q=ana@example.com` would otherwise log an e-mail).
 * `false` stays false; `true` becomes default options.
 */
export function withLogRedaction(logger: FastifyServerOptions["logger"]): FastifyServerOptions["logger"] {
  if (logger === false || logger === undefined) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    redact: { paths: redactPaths, censor },
    serializers: {
      req: (request: SerializableRequest) => ({ id: request.id, method: request.method, url: redactQuery(request.url), remoteAddress: request.ip }),
    },
  };
}

/** `/api/customers?q=ana@x.io&limit=5` → `/api/customers?q=[redacted]&limit=[redacted]`. */
export function redactQuery(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split("&")
    .filter(Boolean)
    .map((pair) => `${pair.split("=")[0] ?? ""}=${censor}`);
  return `${url.slice(0, at)}?${names.join("&")}`;
}
