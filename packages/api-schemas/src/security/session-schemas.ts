import { z } from "zod";

const roleSchema = z.enum(["admin", "manager", "rep", "agent", "analyst"]);

/** POST /api/session */
export const signInBodySchema = z.strictObject({
  email: z.string().trim().min(3).max(254).describe("The user's e-mail address"),
  password: z.string().min(1).max(256),
});

/** Who is signed in (or whose token this is) and what they may do. */
export const sessionMeSchema = z.object({
  workspace_id: z.string(),
  actor_id: z.string().describe("usr_… for a user (session or user-bound token), tok_… for a role-bound token"),
  role: roleSchema,
  permissions: z.array(z.string()),
  user: z
    .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema })
    .nullable()
    .describe("Null for a token bound to a role, not a user"),
  authenticated_by: z.enum(["session", "token"]),
});

/** POST /api/session response: the session cookie is set; keep the CSRF token for unsafe requests. */
export const signedInSchema = sessionMeSchema.extend({
  csrf_token: z.string().describe("Send as X-CSRF-Token on POST, PATCH, PUT and DELETE requests made with the session cookie"),
  expires_at: z.iso.datetime({ offset: true }),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  kind: z.enum(["api", "write_key"]),
  name: z.string(),
  prefix: z.string().describe("First characters of the secret, to recognise it"),
  role: roleSchema,
  user_id: z.string().nullable(),
  created_at: z.iso.datetime({ offset: true }),
  expires_at: z.iso.datetime({ offset: true }).nullable(),
  revoked_at: z.iso.datetime({ offset: true }).nullable(),
  last_used_at: z.iso.datetime({ offset: true }).nullable(),
});

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

export const tokenIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100).describe("Token id (tok_…) or the prefix of its secret") });
