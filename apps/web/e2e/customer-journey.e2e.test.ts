import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, launchTestBrowser, signIn, startTestServer, type TestBrowser, type TestServer } from "./harness/index.ts";

// Sign in, find a customer, open the 360, reveal the e-mail for a purpose and
// see the audit row, switch to Japanese: in Debian's chromium against the real
// server with a small demo workspace. Any console error fails the test.
describe("customer journey in a browser", () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in, finds a customer, reveals the e-mail for a purpose (audited), and switches to Japanese", async () => {
    const { page, problems, screenshot } = await browser.newPage();
    await signIn(page, server.url, server.users.admin as string, demoPassword("admin"));
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByText("Value at risk").waitFor();
    await screenshot("dashboard");

    // A customer's real name, to search by its prefix as a person would.
    const first = await (await page.request.get(`${server.url}/api/customers?limit=1&sort=-created_at`, { headers: { "x-purpose": "service" } })).json();
    const target = first.items[0] as { id: string; name: string; email: string };
    await page.getByRole("link", { name: "Customers" }).click();
    await page.getByRole("table").waitFor();
    await page.getByLabel("Search").fill(target.name.slice(0, 6));
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=/);
    const row = page.locator(`a[href="/customers/${target.id}"]`);
    await row.waitFor();
    await screenshot("customers");
    await row.click();

    await page.getByRole("heading", { name: "Profile" }).waitFor();
    await page.getByText("Value and risk").waitFor();
    expect(await page.getByText(target.email, { exact: true }).count()).toBe(0);
    await page.getByLabel("Purpose").selectOption("service");
    await page.getByRole("button", { name: "Reveal" }).click();
    await page.getByText(target.email, { exact: true }).waitFor();
    await page.getByText("This was recorded in the audit log").waitFor();
    await screenshot("customer-360");

    const audit = await (await page.request.get(`${server.url}/api/audit?customer=${target.id}`)).json();
    const reveal = (audit.items as Array<{ customer_id: string; purpose: string | null; fields: string[] }>).find((entry) => entry.purpose === "service");
    expect(reveal).toMatchObject({ customer_id: target.id, purpose: "service" });
    expect(reveal?.fields).toContain("email");

    await page.getByLabel("Language").selectOption("ja");
    await page.getByRole("link", { name: "顧客一覧" }).waitFor();
    await page.getByRole("heading", { name: "プロフィール" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    await screenshot("customer-360-ja");
    // The choice is the user's, not only this browser's.
    expect(await (await page.request.get(`${server.url}/api/session/preferences`)).json()).toEqual({ locale: "ja" });
    expect(problems).toEqual([]);
  });

  it("keeps the customers list usable on a phone-width screen", async () => {
    const { page, problems, screenshot } = await browser.newPage({ width: 390, height: 844 });
    await signIn(page, server.url, server.users.manager as string, demoPassword("manager"), "/customers");
    await page.getByRole("table").waitFor();
    // The page itself never scrolls sideways: only the table's own box does.
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Dashboard" }).waitFor();
    await screenshot("customers-phone");
    expect(problems).toEqual([]);
  });
});
