import type { UserJson } from "@tenure/api-schemas";

export type Role = UserJson["role"];

/** The five roles, most powerful first (the order of the permission matrix). */
export const roles: readonly Role[] = ["admin", "manager", "rep", "agent", "analyst"];
