import type { Permission } from "@tenure/domain";

/**
 * The permission a route's use case demands, declared in the route's
 * OpenAPI operation as `x-permission`, so that docs and the generated
 * route × role test (security suite) know it. Enforcement stays in the use
 * case (authorize); the test proves the two agree.
 */
export function routePermission(permission: Permission): { "x-permission": Permission } {
  return { "x-permission": permission };
}
