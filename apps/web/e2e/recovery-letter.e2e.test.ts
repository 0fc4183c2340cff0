import { describe, expect, it } from "vitest";
import { browserSuite } from "./harness/browser-suite.ts";
import { demoPassword, signIn } from "./harness/index.ts";

// A manager approves a service-recovery letter in Debian's chromium against the
// real server: open the company-failure case from the queue, approve and sign
// the letter, see it signed. Any console error fails the test.
describe("recovery letter approval in a browser", () => {
  const suite = browserSuite();

  it("opens a failure case as a manager, approves the letter and shows it signed", async () => {
    const { page, problems, screenshot } = await suite.browser.newPage();
    await signIn(page, suite.server.url, suite.server.users.manager as string, demoPassword("manager"));

    // A case whose recovery waits for approval: acknowledged, apologised, cause and fix recorded, letter drafted.
    const csrf = await page.evaluate<string | null>(`localStorage.getItem("tenure.csrf")`);
    const headers = { "x-csrf-token": csrf ?? "", "x-purpose": "service" };
    const customers = await (await page.request.get(`${suite.server.url}/api/customers?limit=1`)).json();
    const subject = "E2E parcel two weeks late";
    const opened = await page.request.post(`${suite.server.url}/api/cases`, { headers, data: { customer_id: customers.items[0].id, subject, priority: "high" } });
    expect(opened.status()).toBe(201);
    const caseId = ((await opened.json()) as { id: string }).id;
    expect((await page.request.post(`${suite.server.url}/api/cases/${caseId}/failure`, { headers, data: { what_went_wrong: "Your parcel arrived two weeks late.", locale: "en" } })).status()).toBe(201);
    const steps = { acknowledged: true, apologised: true, root_cause: "A carrier depot was closed.", corrective_action: "Parcels are now routed around closed depots.", redraft: true };
    expect((await page.request.patch(`${suite.server.url}/api/cases/${caseId}/recovery`, { headers, data: steps })).status()).toBe(200);

    await page.getByRole("link", { name: "Cases" }).click();
    await page.getByRole("link", { name: subject }).click();
    await page.getByRole("heading", { name: "Service recovery" }).waitFor();
    await page.getByRole("heading", { name: subject }).waitFor();
    await page.getByText("Company failure").waitFor();
    await screenshot("recovery-draft");

    await page.getByRole("button", { name: "Approve and sign" }).click();
    await page.getByText("The letter is approved and signed.").waitFor();
    await page.getByText(/^Signed by /).waitFor();
    await page.getByRole("button", { name: "Send the letter" }).waitFor();
    await screenshot("recovery-approved");

    // The signed letter previews inline, fetched for the service purpose.
    await page.getByRole("button", { name: "Show the letter as PDF" }).click();
    const frame = page.locator("iframe.letter-pdf");
    await frame.waitFor();
    expect(await frame.getAttribute("src")).toMatch(/^blob:/);
    await page.getByRole("link", { name: "Open in a new tab" }).waitFor();
    await screenshot("recovery-pdf-preview");

    const recovery = await (await page.request.get(`${suite.server.url}/api/cases/${caseId}/recovery`, { headers: { "x-purpose": "service" } })).json();
    expect(recovery).toMatchObject({ status: "approved", letter: { signed_by: { name: expect.any(String) } } });
    expect(problems).toEqual([]);
  });
});
