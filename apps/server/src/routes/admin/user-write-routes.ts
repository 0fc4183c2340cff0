import { createUser, generatePassword, resetPassword, updateUser } from "@tenure/app";
import {
  createdUserSchema,
  createUserBodySchema,
  passwordResetSchema,
  problemSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userSchema,
} from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toUserJson } from "./user-json.ts";

const userProblemResponses = {
  ...problemResponses,
  409: problemSchema.describe("Conflict: user_exists (field email), or last_admin (field role or disabled): the workspace must keep one enabled admin"),
} as const;

/** POST /api/users, PATCH /api/users/{id} and POST /api/users/{id}/password: what `tenure user create` and `reset-password` do, and role changes, disabling and enabling. */
export function userWriteRoutes(app: ApiServer, deps: AppDeps): void {
  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a staff user; without a password, one is generated and returned once",
        ...routePermission("users.manage"),
        body: createUserBodySchema,
        response: { 201: createdUserSchema, ...userProblemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const generated = body.password === undefined ? generatePassword() : null;
      const user = await createUser(requestContext(request), deps, { email: body.email, role: body.role, name: body.name, password: body.password ?? generated });
      reply.code(201).header("location", `/api/users/${user.id}`);
      return { user: toUserJson(user), generated_password: generated };
    },
  );

  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's role, or disable / enable the user (disabling signs it out everywhere)",
        ...routePermission("users.manage"),
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...userProblemResponses },
      },
    },
    async (request) => {
      const { role, disabled } = request.body;
      return toUserJson(await updateUser(requestContext(request), deps, { userId: request.params.id, role, disabled }));
    },
  );

  app.post(
    "/api/users/:id/password",
    {
      schema: {
        tags: ["users"],
        summary: "Set a new password for a user (generated and returned once when none is given); signs the user out everywhere",
        ...routePermission("users.manage"),
        params: userIdParamsSchema,
        body: resetPasswordBodySchema,
        response: { 200: passwordResetSchema, ...problemResponses },
      },
    },
    async (request) => {
      const generated = request.body.password === undefined ? generatePassword() : null;
      const user = await resetPassword(requestContext(request), deps, { userId: request.params.id, password: request.body.password ?? generated ?? "" });
      return { user: toUserJson(user), generated_password: generated };
    },
  );
}
