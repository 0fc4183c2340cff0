import type { Page } from "playwright-core";

/** Sign in through the form (English labels) and wait for the signed-in header (its Sign out button). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, path = "/dashboard"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** The demo's public password of a role. */
export function demoPassword(role: string): string {
  return `tenure-demo-${role}`;
}
