import { describeAccessPolicy, listUsers } from "@tenure/app";
import { accessPolicySchema, userListSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toUserJson } from "./user-json.ts";
import { userWriteRoutes } from "./user-write-routes.ts";

/** Administration: GET /api/users and GET /api/access-policy (roles, permissions, purposes), and the user writes (user-write-routes.ts). Tokens and audit are in security/. */
export async function adminRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Staff users of the workspace with their roles, oldest first (disabled ones too)",
        ...routePermission("users.manage"),
        response: { 200: userListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: (await listUsers(requestContext(request), deps)).map(toUserJson) }),
  );

  app.get(
    "/api/access-policy",
    {
      schema: {
        tags: ["users"],
        summary: "What each role may do, and the purposes personal data may be revealed for",
        ...routePermission("users.manage"),
        response: { 200: accessPolicySchema, ...problemResponses },
      },
    },
    async (request) => {
      const policy = await describeAccessPolicy(requestContext(request), deps);
      return {
        roles: policy.roles.map((r) => ({ role: r.role, permissions: [...r.permissions], reveal_purposes: [...r.revealPurposes] })),
        purposes: policy.purposes.map((p) => ({ purpose: p.purpose, enabled: p.enabled, roles: [...p.roles] })),
      };
    },
  );

  userWriteRoutes(app, deps);
}
