import { describe, expect, it } from "vitest";
import { browserSuite } from "./harness/browser-suite.ts";
import { demoPassword, signIn } from "./harness/index.ts";

// Administration changes in a browser: an admin creates an API token, sees its
// secret once (copy button, warning), revokes it; adds a user with a generated
// password and disables and enables that user. Any console error fails the test.
describe("administration changes in a browser", () => {
  const suite = browserSuite();

  it("creates an API token, shows its secret once with a copy button, and revokes it", async () => {
    const { page, problems, screenshot } = await suite.browser.newPage();
    const url = suite.server.url;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    await signIn(page, url, suite.server.users.admin as string, demoPassword("admin"));
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("tab", { name: "Tokens and write keys" }).click();

    await page.getByLabel("Name (what it is for)").fill("e2e reporting");
    await page.getByLabel("Role").selectOption({ label: "Analyst" });
    await page.getByRole("button", { name: "Create", exact: true }).click();
    const shown = page.getByRole("region", { name: "Secret of e2e reporting" });
    await shown.waitFor();
    await shown.getByText("it will not be shown again").waitFor();
    const secret = await shown.getByLabel("Secret").inputValue();
    expect(secret).toMatch(/^tnr_/);
    await shown.getByRole("button", { name: "Copy" }).click();
    await shown.getByText("Copied to the clipboard.").waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    expect(await (await page.request.get(`${url}/api/session/me`, { headers: bearer })).json()).toMatchObject({ role: "analyst", authenticated_by: "token" });
    // The new token is listed by its prefix only.
    const row = page.getByRole("table", { name: /Tokens for scripts/ }).getByRole("row", { name: /e2e reporting/ });
    await row.getByText(`${secret.slice(0, 8)}…`).waitFor();
    await screenshot("admin-token-secret");

    await shown.getByRole("button", { name: "I have stored it" }).click();
    await shown.waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Revoke e2e reporting now" }).click();
    await page.getByRole("status").filter({ hasText: "e2e reporting was revoked" }).waitFor();
    await row.getByText(/^Revoked /).waitFor();
    expect((await fetch(`${url}/api/session/me`, { headers: bearer })).status).toBe(401);
    await screenshot("admin-token-revoked");

    // A token that acts as a user takes that user's role.
    await page.getByLabel("Name (what it is for)").fill("e2e as a rep");
    await page.getByLabel("Acts as").selectOption({ label: "Emily Davies (emily.davies@democo.example.com)" });
    expect(await page.getByLabel("Role", { exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    const asUser = await page.getByRole("region", { name: "Secret of e2e as a rep" }).getByLabel("Secret").inputValue();
    expect(await (await page.request.get(`${url}/api/session/me`, { headers: { authorization: `Bearer ${asUser}` } })).json()).toMatchObject({ role: "rep" });
    expect(problems).toEqual([]);
  });

  it("adds a user with a generated password shown once, disables and enables the user, changes its role and sets a new password", async () => {
    const { page, problems, screenshot } = await suite.browser.newPage();
    const url = suite.server.url;
    await signIn(page, url, suite.server.users.admin as string, demoPassword("admin"));
    await page.goto(`${url}/admin?tab=users`);
    const email = "e2e.agent@example.com";
    await page.getByLabel("E-mail (sign-in name)").fill(email);
    await page.getByLabel("Name (optional)").fill("Erin Agent");
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Support agent" });
    await page.getByRole("button", { name: "Add user" }).click();
    const shown = page.getByRole("region", { name: `Password of ${email}` });
    const password = await shown.getByLabel("Generated password").inputValue();
    expect(password.length).toBeGreaterThanOrEqual(20);
    const signInAs = () => fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    expect((await signInAs()).status).toBe(200);
    await screenshot("admin-user-added");
    await shown.getByRole("button", { name: "I have stored it" }).click();

    const row = page.getByRole("table", { name: /Staff who sign in/ }).getByRole("row", { name: /Erin Agent/ });
    await row.getByRole("button", { name: "Disable" }).click();
    await row.getByRole("button", { name: "Disable Erin Agent now" }).click();
    await page.getByRole("status").filter({ hasText: "Erin Agent was disabled" }).waitFor();
    await row.getByText(/^Disabled since /).waitFor();
    expect((await signInAs()).status).toBe(401);

    await row.getByRole("button", { name: "Enable" }).click();
    await page.getByRole("status").filter({ hasText: "Erin Agent can sign in again." }).waitFor();
    await row.getByLabel("Role of Erin Agent").selectOption({ label: "Manager" });
    await row.getByRole("button", { name: "Change role" }).click();
    await page.getByRole("status").filter({ hasText: "Erin Agent is now Manager." }).waitFor();
    expect(await (await signInAs()).json()).toMatchObject({ role: "manager" });

    // A new generated password, shown once; the old one stops working.
    await row.getByRole("button", { name: "New password" }).click();
    await row.getByRole("button", { name: "Set a new password for Erin Agent" }).click();
    await page.getByRole("status").filter({ hasText: "Erin Agent has a new password" }).waitFor();
    const renewed = await page.getByRole("region", { name: `Password of ${email}` }).getByLabel("Generated password").inputValue();
    expect(renewed).not.toBe(password);
    expect((await signInAs()).status).toBe(401);
    const signInRenewed = await fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: renewed }) });
    expect(signInRenewed.status).toBe(200);
    await screenshot("admin-password-reset");

    // The demo's only admin is not offered to disable or demote itself, and the row says why.
    const own = page.getByRole("table", { name: /Staff who sign in/ }).getByRole("row", { name: /\(you\)/ });
    await own.getByText("This is the last enabled administrator of the workspace").waitFor();
    expect(await own.getByRole("button", { name: "Disable" }).isDisabled()).toBe(true);
    expect(await own.getByRole("combobox").isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });
});
