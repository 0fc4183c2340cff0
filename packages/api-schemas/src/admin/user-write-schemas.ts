import { z } from "zod";
import { userSchema } from "./admin-schemas.ts";

const roleSchema = userSchema.shape.role;

/** POST /api/users */
export const createUserBodySchema = z.strictObject({
  email: z.string().max(254).describe("The sign-in name; unique in the workspace (compared without case)"),
  role: roleSchema,
  name: z.string().max(200).optional().describe("Display name; defaults to the part of the e-mail before @"),
  password: z
    .string()
    .max(256)
    .optional()
    .describe("The initial password (12 to 256 characters). Leave it out to have one generated and returned once in generated_password"),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** POST /api/users response (201) */
export const createdUserSchema = z.object({
  user: userSchema,
  generated_password: z.string().nullable().describe("The generated password, shown only in this answer (null when one was given)"),
});
export type CreatedUserJson = z.infer<typeof createdUserSchema>;

/** PATCH /api/users/{id}: only the fields sent change. */
export const updateUserBodySchema = z.strictObject({
  role: roleSchema.optional(),
  disabled: z.boolean().optional().describe("true: the user can no longer sign in, is signed out everywhere and its tokens stop working; false: enabled again"),
});
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100).describe("User id (usr_…)") });

/** POST /api/users/{id}/password */
export const resetPasswordBodySchema = z.strictObject({
  password: z.string().max(256).optional().describe("The new password (12 to 256 characters). Leave it out to have one generated and returned once"),
});
/** POST /api/users/{id}/password response */
export const passwordResetSchema = z.object({
  user: userSchema,
  generated_password: z.string().nullable().describe("The generated password, shown only in this answer (null when one was given)"),
});
export type PasswordResetJson = z.infer<typeof passwordResetSchema>;
