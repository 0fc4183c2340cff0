import type { ApiServer } from "./api-server.ts";

// The API only returns JSON: nothing may load, frame or run from it. The docs
// page replaces this with its own policy (see routes/docs.ts).
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers that keep browsers from sniffing, framing or leaking URLs of API responses. */
export function registerSecurityHeaders(app: ApiServer): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cross-origin-resource-policy", "same-origin");
    reply.header("x-request-id", request.id);
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", apiPolicy);
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}
