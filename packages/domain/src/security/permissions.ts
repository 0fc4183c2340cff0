import type { Purpose, Role } from "@tenure/shared";

/**
 * What a caller may do. Each use case asks for exactly one of these at its
 * top (packages/app/src/security/authorize.ts); docs/security.md shows the
 * matrix as a table.
 */
export type Permission =
  | "customers.read"
  | "customers.create"
  | "customers.update"
  | "personal_data.read"
  | "consents.read"
  | "consents.write"
  | "customers.export"
  | "customers.erase"
  | "audit.read"
  | "users.manage"
  | "tokens.manage"
  | "analytics.read"
  | "analytics.run"
  | "imports.run"
  | "ingestion.write"
  | "cases.read"
  | "cases.write"
  | "cases.configure"
  | "recovery.approve"
  | "feedback.write"
  | "follow_ups.update";

/** Every permission, in the order of the documented matrix. */
export const permissions: readonly Permission[] = [
  "customers.read",
  "customers.create",
  "customers.update",
  "personal_data.read",
  "consents.read",
  "consents.write",
  "customers.export",
  "customers.erase",
  "audit.read",
  "users.manage",
  "tokens.manage",
  "analytics.read",
  "analytics.run",
  "imports.run",
  "ingestion.write",
  "cases.read",
  "cases.write",
  "cases.configure",
  "recovery.approve",
  "feedback.write",
  "follow_ups.update",
];

export const roles: readonly Role[] = ["admin", "manager", "rep", "agent", "analyst"];

/**
 * The permission matrix. Reps and agents hold their permissions only on
 * their own customers (the row rule of customerScopeOf); analysts see
 * aggregates and customer rows with personal data masked.
 */
export const permissionMatrix: Readonly<Record<Role, readonly Permission[]>> = {
  admin: permissions,
  manager: [
    "customers.read",
    "customers.create",
    "customers.update",
    "personal_data.read",
    "consents.read",
    "consents.write",
    "analytics.read",
    "analytics.run",
    "imports.run",
    "cases.read",
    "cases.write",
    "cases.configure",
    "recovery.approve",
    "feedback.write",
    "follow_ups.update",
  ],
  rep: [
    "customers.read",
    "customers.create",
    "customers.update",
    "personal_data.read",
    "consents.read",
    "consents.write",
    "analytics.read",
    "cases.read",
    "cases.write",
    "feedback.write",
    "follow_ups.update",
  ],
  agent: ["customers.read", "customers.update", "personal_data.read", "consents.read", "consents.write", "cases.read", "cases.write", "feedback.write", "follow_ups.update"],
  analyst: ["customers.read", "analytics.read", "analytics.run", "imports.run", "cases.read"],
};

/** True when `role` holds `permission` (before any row rule). */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permissionMatrix[role].includes(permission);
}

/**
 * The purposes for which a role may see personal data unmasked. A support
 * agent serves; a rep serves and sells; nobody reads personal data for
 * analytics (analysts work on pseudonymised rows).
 */
export const revealPurposesByRole: Readonly<Record<Role, readonly Purpose[]>> = {
  admin: ["service", "sales", "marketing", "billing"],
  manager: ["service", "sales", "marketing", "billing"],
  rep: ["service", "sales", "marketing"],
  agent: ["service"],
  analyst: [],
};
