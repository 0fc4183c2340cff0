import { z } from "zod";

const roleSchema = z.enum(["admin", "manager", "rep", "agent", "analyst"]);
const purposeSchema = z.enum(["service", "sales", "marketing", "analytics", "billing"]);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  created_at: z.iso.datetime({ offset: true }),
  disabled_at: z.iso.datetime({ offset: true }).nullable().describe("Set when the user may no longer sign in"),
});

/** GET /api/users */
export const userListSchema = z.object({ items: z.array(userSchema) });
export type UserJson = z.infer<typeof userSchema>;

/** GET /api/access-policy */
export const accessPolicySchema = z.object({
  roles: z.array(
    z.object({
      role: roleSchema,
      permissions: z.array(z.string()).describe("What the role may do (packages/domain/src/security/permissions.ts)"),
      reveal_purposes: z.array(purposeSchema).describe("Purposes for which the role may read personal data unmasked"),
    }),
  ),
  purposes: z.array(
    z.object({
      purpose: purposeSchema,
      enabled: z.boolean().describe("Whether this workspace accepts the purpose (workspace settings.purposes; all when none listed)"),
      roles: z.array(roleSchema).describe("Roles that may reveal personal data for it"),
    }),
  ),
});
export type AccessPolicyJson = z.infer<typeof accessPolicySchema>;
