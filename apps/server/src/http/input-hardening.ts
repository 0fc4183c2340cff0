import { invalidInput } from "@tenure/shared";
import type { ApiServer } from "./api-server.ts";

/**
 * Refuse NUL characters anywhere in a request (URL, query, body, path
 * parameters) with invalid_input naming the field: PostgreSQL text cannot
 * hold them, and no legitimate value carries one.
 */
export function registerInputHardening(app: ApiServer): void {
  app.addHook("onRequest", async (request) => {
    if (/%00|\u0000/i.test(request.url)) throw invalidInput("url", "The URL must not contain NUL characters (%00)");
  });
  app.addHook("preValidation", async (request) => {
    const where = nulPath(request.body, "body");
    if (where) throw invalidInput(where, `${where} must not contain NUL characters`);
  });
}

function nulPath(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  // Only parsed JSON is walked: a streamed upload (a file import body) is not a tree of values.
  if (typeof value === "object" && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return `${path}.${key.replace(/\u0000/g, "\\0")}`;
      const found = nulPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
