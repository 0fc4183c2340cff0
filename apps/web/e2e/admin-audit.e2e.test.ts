import { describe, expect, it } from "vitest";
import { browserSuite } from "./harness/browser-suite.ts";
import { demoPassword, signIn } from "./harness/index.ts";

// The Administration page in a browser: the audit log shows rows and filters
// them; the page is an admin's only. Any console error fails the test.
describe("administration in a browser", () => {
  const suite = browserSuite();

  it("shows the audit log with its rows and filters it by action", async () => {
    const { page, problems, screenshot } = await suite.browser.newPage();
    await signIn(page, suite.server.url, suite.server.users.admin as string, demoPassword("admin"));
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("table", { name: /Staff who sign in/ }).getByText(suite.server.users.manager as string).waitFor();
    await page.getByRole("tab", { name: "Audit log" }).click();
    const table = page.getByRole("table", { name: /Every read of unmasked personal data/ });
    // Signing in is audited: the admin's own sign-in is a row.
    await table.getByText("session.sign_in").first().waitFor();
    expect(await table.getByRole("row").count()).toBeGreaterThan(1);

    await page.getByLabel("Action").fill("session.sign_in");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForFunction(`[...document.querySelectorAll("table tbody tr td:nth-child(4)")].every((cell) => cell.textContent === "session.sign_in")`);
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    await screenshot("admin-audit");
    expect(problems).toEqual([]);
  });

  it("is not offered to a manager", async () => {
    const { page, problems } = await suite.browser.newPage();
    await signIn(page, suite.server.url, suite.server.users.manager as string, demoPassword("manager"));
    await page.getByRole("link", { name: "Imports" }).waitFor();
    expect(await page.getByRole("link", { name: "Administration" }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
