import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { browserSuite } from "./harness/browser-suite.ts";
import { demoPassword, signIn } from "./harness/index.ts";

// Run an import through the Imports page in Debian's chromium against the real
// server: upload a small CSV, fix its mapping, see the counts and download the
// rejected rows. Any console error fails the test.
describe("imports page in a browser", () => {
  const suite = browserSuite();

  it("previews a CSV, imports it, shows the counts and hands out the rejected rows", async () => {
    const { page, problems, screenshot } = await suite.browser.newPage();
    await signIn(page, suite.server.url, suite.server.users.admin as string, demoPassword("admin"));
    await page.getByRole("link", { name: "Imports" }).click();
    await page.getByRole("heading", { name: "Import a file" }).waitFor();

    const csv = ["Customer No,Full Name,email,Segment", "E2E-1,Ada Example,ada@example.com,gold", "E2E-2,Bo Example,not-an-email,silver", "E2E-3,Cy Example,cy@example.com,gold", ""].join("\n");
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "crm-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    // "Customer No" matches no field by its name: the import cannot start until it is mapped.
    await page.getByText("missing required column external_id").waitFor();
    await page.getByLabel("Customer No").selectOption("external_id");
    await page.getByLabel("Segment").selectOption("attributes.Segment");
    await page.getByText("Every required column is mapped.").waitFor();
    await screenshot("import-preview");

    await page.getByRole("button", { name: /^Import crm-export\.csv/ }).click();
    await page.getByText("Import finished: 3 rows read, 1 rejected.").waitFor();
    const counts = page.getByRole("table", { name: "What the import did per kind of record" });
    expect(await counts.getByRole("row", { name: /Customers/ }).getByRole("cell").allTextContents()).toEqual(["2", "0", "0"]);
    await screenshot("import-result");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the 1 rejected rows (CSV)" }).click()]);
    const rejected = (await readFile(await download.path(), "utf8")).trim().split("\r\n");
    expect(rejected[0]).toBe("line,column,value,reason,Customer No,Full Name,email,Segment");
    expect(rejected[1]).toMatch(/^3,email,not-an-email,.+,E2E-2,Bo Example,not-an-email,silver$/);
    expect(rejected).toHaveLength(2);

    // The stored customers carry the mapped attribute.
    const stored = await (await page.request.get(`${suite.server.url}/api/customers?q=E2E-3`)).json();
    expect(stored.items[0]).toMatchObject({ external_id: "E2E-3", attributes: { Segment: "gold" } });
    expect(problems).toEqual([]);
  });
});
