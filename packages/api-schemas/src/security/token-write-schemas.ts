import { z } from "zod";
import { apiTokenSchema } from "./session-schemas.ts";

/** POST /api/tokens: an API token (role, or a user it acts as) or an ingestion write key (neither). */
export const createTokenBodySchema = z
  .strictObject({
    kind: apiTokenSchema.shape.kind.describe("api: reaches /api/* as its role; write_key: only sends data in (/v1/*)"),
    name: z.string().max(200).describe("What it is for, e.g. crm-sync or website"),
    role: apiTokenSchema.shape.role.optional().describe("API tokens only; default admin"),
    user_id: z.string().max(100).optional().describe("API tokens only: act as this user (usr_…), with its current role and rows"),
    expires_at: z.iso.datetime({ offset: true }).optional().describe("When it stops working; never when left out"),
  })
  .superRefine((body, ctx) => {
    if (body.kind !== "write_key") return;
    for (const field of ["role", "user_id"] as const) {
      if (body[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "a write key has no role or user: it only sends data in" });
    }
  });
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

/** POST /api/tokens response (201) */
export const createdTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe("The secret, shown only in this answer: only its hash is stored"),
});
export type CreatedTokenJson = z.infer<typeof createdTokenSchema>;
