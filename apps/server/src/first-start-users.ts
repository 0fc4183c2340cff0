import { ensureFirstAdmin, setDemoPasswords } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import type { Config } from "@tenure/shared";

/**
 * Staff accounts at start: with TENURE_ADMIN_EMAIL / TENURE_ADMIN_PASSWORD,
 * make sure that admin exists in the first workspace; when the demo
 * workspace was just loaded, give one user per role its documented demo
 * password. Returns the lines to print (never the configured password).
 */
export async function prepareStaffUsers(config: Config, repositories: Repositories, demoJustLoaded: boolean): Promise<string[]> {
  const workspace = (await repositories.workspaces.list())[0];
  if (!workspace) return ["  No workspace yet, so no users: load the demo (npx tenure demo) or import data, then: npx tenure user create --email you@example.com --role admin"];
  const lines: string[] = [];
  if (demoJustLoaded) {
    const logins = await setDemoPasswords({ repositories }, { workspaceId: workspace.id });
    lines.push("  Demo sign-in (POST /api/session), one user per role; these passwords are public, for the demo only:");
    for (const login of logins) lines.push(`    ${login.role.padEnd(8)} ${login.email}  password: ${login.password}`);
  }
  const admin = await ensureFirstAdmin({ repositories }, { workspaceId: workspace.id, email: config.adminEmail, password: config.adminPassword });
  if (admin.kind === "created") lines.push(`  Admin ${admin.user.email} created from TENURE_ADMIN_EMAIL / TENURE_ADMIN_PASSWORD.`);
  else if (admin.kind === "password_set") lines.push(`  Admin ${admin.user.email}: password set from TENURE_ADMIN_PASSWORD.`);
  else if (admin.kind === "none" && !demoJustLoaded) {
    lines.push("  Web sign-in needs a user: set TENURE_ADMIN_EMAIL and TENURE_ADMIN_PASSWORD, or run: npx tenure user create --email you@example.com --role admin");
  }
  return lines;
}
