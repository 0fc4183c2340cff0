import type { FastifyReply, FastifyRequest } from "fastify";

/** Name of the session cookie (HttpOnly: scripts never see it). */
export const sessionCookieName = "tenure_session";

/** The value of cookie `name` in the request's Cookie header, or null. */
export function cookieValue(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * True when the browser reached us over HTTPS: directly, or through a proxy
 * that says so in X-Forwarded-Proto. A forged header can only add the Secure
 * flag, which makes the cookie stricter, never weaker.
 */
export function isHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return request.protocol === "https" || proto === "https";
}

/** Set the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS, expiring with the session. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: Date): void {
  const parts = [`${sessionCookieName}=${secret}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (isHttps(request)) parts.push("Secure");
  reply.header("set-cookie", parts.join("; "));
}

/** Remove the session cookie from the browser. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const parts = [`${sessionCookieName}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (isHttps(request)) parts.push("Secure");
  reply.header("set-cookie", parts.join("; "));
}

/**
 * False when a browser says the request comes from another site: an Origin
 * header whose host differs from the Host header. Requests without Origin
 * (curl, same-origin GETs in old browsers) pass; the CSRF token still guards
 * unsafe methods.
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === "") return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
