import { allPurposes, permissionMatrix, revealPurposesByRole, roles, workspacePurposes, type Permission, type Repositories } from "@tenure/domain";
import type { Purpose, RequestContext, Role } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** What each role may do, and for which purposes personal data may be read unmasked in this workspace. */
export interface AccessPolicy {
  readonly roles: readonly { role: Role; permissions: readonly Permission[]; revealPurposes: readonly Purpose[] }[];
  readonly purposes: readonly { purpose: Purpose; enabled: boolean; roles: readonly Role[] }[];
}

/**
 * The permission matrix and the purposes (admins only): each purpose says
 * whether the workspace accepts it (settings.purposes) and which roles may
 * reveal personal data for it (docs/security.md).
 */
export async function describeAccessPolicy(ctx: RequestContext, deps: { repositories: Pick<Repositories, "consents"> }): Promise<AccessPolicy> {
  authorize(ctx, "users.manage");
  const enabled = workspacePurposes(await deps.repositories.consents.workspaceSettings(ctx.workspaceId));
  return {
    roles: roles.map((role) => ({ role, permissions: permissionMatrix[role], revealPurposes: revealPurposesByRole[role] })),
    purposes: allPurposes.map((purpose) => ({
      purpose,
      enabled: enabled.includes(purpose),
      roles: roles.filter((role) => permissionMatrix[role].includes("personal_data.read") && revealPurposesByRole[role].includes(purpose)),
    })),
  };
}
